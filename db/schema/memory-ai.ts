/**
 * A workspace's model providers for memory (OpenAI-compatible embeddings and chat; API keys
 * encrypted with the key ring) and its re-embedding jobs. Vectors of an external embedding space
 * live in per-space tables `memory_vectors_<key>` created at run time (lib/memory/vectors), since
 * a F32_BLOB column has one fixed dimension.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const embeddingProviders = ["builtin", "openai"] as const;
export type EmbeddingProvider = (typeof embeddingProviders)[number];

/** Which vectors search uses: the built-in column, or an external space's table. */
export type EmbeddingSpaceSpec = { provider: "builtin" } | { provider: "openai"; baseUrl: string; model: string; dim: number };

export const memoryAiSettings = sqliteTable("memory_ai_settings", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  /** The wanted embedding space; it becomes active when its re-embedding job finishes. */
  embedding: text("embedding", { mode: "json" }).$type<EmbeddingSpaceSpec>().notNull(),
  /** encryptSecret(key) or null; write-only. */
  embeddingApiKey: text("embedding_api_key"),
  /** The space search and writes use now. */
  activeEmbedding: text("active_embedding", { mode: "json" }).$type<EmbeddingSpaceSpec>().notNull(),
  /** The active space's key while a job moves to another (the wanted one may have a new key). */
  activeEmbeddingApiKey: text("active_embedding_api_key"),
  chatBaseUrl: text("chat_base_url"),
  chatModel: text("chat_model"),
  chatApiKey: text("chat_api_key"),
  updatedAt: updatedAt(),
});

export const reembedJobStatuses = ["running", "done", "failed", "cancelled"] as const;
export type ReembedJobStatus = (typeof reembedJobStatuses)[number];

export const memoryReembedJobs = sqliteTable(
  "memory_reembed_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    target: text("target", { mode: "json" }).$type<EmbeddingSpaceSpec>().notNull(),
    status: text("status", { enum: reembedJobStatuses }).notNull().default("running"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("memory_reembed_jobs_workspace_idx").on(t.workspaceId, t.createdAt), index("memory_reembed_jobs_status_idx").on(t.status)],
);

export type MemoryAiSettings = typeof memoryAiSettings.$inferSelect;
export type MemoryReembedJob = typeof memoryReembedJobs.$inferSelect;
