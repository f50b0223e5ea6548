/**
 * OpenAPI paths of the memory API: the seed's 12 endpoints under /memories, context retrieval for
 * drafts, and version history. List, search, context, stats, patterns, cleanup and compress share
 * one set of filters (the fields and the `filter` language are documented on the schemas:
 * lib/memory/filters/).
 */
import { memoryHistoryPageSchema } from "@/lib/memory/history/history-schemas";
import type { PathSpecs } from "../types";

const tags = ["memories"];

export const memoriesPaths: PathSpecs = {
  "/memories": {
    get: {
      summary:
        "List visible memories: scope filters (accountId, userId, agentId, runId, tags, type, category, privacy, from/to, filter), text, sort, keyset cursor",
      tags,
      responses: { 200: { description: "memories and nextCursor" } },
    },
    post: {
      summary:
        "Create a memory (embedded on write; short-term ones expire per the owner's retention), optionally scoped to an account, agent and run",
      tags,
      responses: { 201: { description: "The memory" } },
      errors: [404],
    },
  },
  "/memories/{id}": {
    get: {
      summary:
        "One memory (counts an access; may promote it to long-term), with its lineage: mergedFrom (the memories a compression merged into it, oldest first) and mergedInto (the memory it was merged into)",
      tags,
      responses: { 200: { description: "memory, mergedFrom, mergedInto" } },
      errors: [404],
    },
    put: {
      summary: "Edit a memory (re-embedded when its text changes)",
      tags,
      responses: { 200: { description: "The memory" } },
      errors: [404],
    },
    delete: { summary: "Delete a memory (kept in its history)", tags, responses: { 204: { description: "Deleted" } }, errors: [404] },
  },
  "/memories/{id}/history": {
    get: {
      summary:
        "A memory's versions, newest first (cursor + limit): who (null = the system), when, the state each left and what it changed. Visible when the memory is (404 otherwise, also for someone else's private memory); a memory merged into another keeps a readable history",
      tags,
      responses: { 200: { description: "versions and nextCursor", schema: memoryHistoryPageSchema } },
      errors: [404],
    },
  },
  "/memories/{id}/history/{versionId}/restore": {
    post: {
      summary:
        "Restore a version: its content, category, tags, metadata, importance, type and privacy become a new version (action restore; re-embedded when the text changes). No body. Same rule as an edit: the owner, or memories.manage for someone else's workspace memory. 409 MEMORY_VERSION_CURRENT when the memory is already in that state, MEMORY_DELETED for a deleted memory, MEMORY_MERGED for a memory merged into another",
      tags,
      responses: { 200: { description: "The memory after the restore" } },
      errors: [404, 409],
    },
  },
  "/memories/search": {
    post: {
      summary:
        "Hybrid search: 0.8·relevance (bm25 fused with vector similarity: 0.9/0.1 with the built-in embedder, 0.5/0.5 with a provider) + 0.1·importance + 0.05·recency + 0.05·access; explain returns each part; countAccess: true when the caller uses the hits (each counts an access, keeps it from cleanup and may promote it); the shared scope filters narrow it",
      tags,
      responses: { 200: { description: "hits with score (and explain)" } },
    },
  },
  "/memories/context": {
    post: {
      summary:
        "Context for a draft: topic (+ account) -> the best k memories within a token budget, MMR-diverse; the long-term shared memories within the scope are always considered; accountId brings that account's memories and the workspace-wide ones, never another account's; user, agent, run and filter narrow exactly; chosen ones count an access",
      tags,
      responses: { 200: { description: "memories, tokens, tokenBudget" } },
      errors: [404],
    },
  },
  "/memories/providers": {
    get: {
      summary:
        "The workspace's model providers: wanted and active embedding space, chat model for compression summaries, latest re-embedding job (API keys never shown: apiKeySet only)",
      tags,
      responses: { 200: { description: "embedding, active, chat, job" } },
    },
    put: {
      summary:
        "Change the providers (OpenAI-compatible base URL, model, dimension, write-only API key; chat null turns summaries off). A new embedding space starts a re-embedding job; search uses the old vectors until it finishes",
      tags,
      responses: { 200: { description: "embedding, active, chat, job" } },
    },
  },
  "/memories/reembed": {
    post: {
      summary: "Resume a failed re-embedding job where it stopped",
      tags,
      responses: { 200: { description: "job" } },
      errors: [404, 409],
    },
  },
  "/memories/cleanup": {
    post: {
      summary:
        "Promote what earned it, then delete short-term memories that expired and were not created, edited or used within the owner's retention (undoable); scope workspace needs memories.manage. dryRun previews exactly what a run deletes: a page (limit ≤ 500, cursor) of id, the first 80 characters and the reason, with the total and its cut-off asOf; a run given that asOf deletes nothing that expired later; the shared filters narrow the run",
      tags,
      responses: {
        200: {
          description:
            "batchId, promoted, removed, asOf; with dryRun also preview { asOf, total, promote, items, nextCursor } (the progress of a long run: GET /memories/runs)",
        },
      },
    },
  },
  "/memories/compress": {
    post: {
      summary:
        "Merge clusters of similar short-term memories into long-term ones (undoable), never across owners, privacy, accounts, agents or runs; scope workspace needs memories.manage; the shared filters narrow the run",
      tags,
      responses: { 200: { description: "batchId, clusters, merged, created (the progress of a long run: GET /memories/runs)" } },
    },
  },
  "/memories/runs": {
    get: {
      summary:
        "The latest 20 cleanup/compress runs (yours; everyone's with memories.manage): status running|done|failed, phase, done/total, result or error. A run goes in time slices, so its progress can be polled while the POST that started it is still running",
      tags,
      responses: { 200: { description: "runs" } },
    },
  },
  "/memories/analytics/stats": {
    get: {
      summary:
        "Counts by type/category/privacy, growth per day, average importance, top tags, storage; of the memories the scope filters select",
      tags,
      responses: { 200: { description: "Stats" } },
    },
  },
  "/memories/analytics/patterns": {
    get: {
      summary: "Tag co-occurrence, creation by hour/weekday, most accessed, clusters; of the memories the scope filters select",
      tags,
      responses: { 200: { description: "Patterns" } },
    },
  },
  "/memories/config": {
    get: { summary: "Your memory settings (defaults until saved)", tags, responses: { 200: { description: "config" } } },
    put: { summary: "Change your memory settings (validated ranges)", tags, responses: { 200: { description: "config" } } },
  },
};
