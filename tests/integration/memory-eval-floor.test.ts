/**
 * The memory eval's floor in CI: on the committed sets (the team notes of
 * bench/data/memory-eval-set.ts and the three conversations of bench/data/dialogue-eval-slice*.ts,
 * one in Chinese; the second file was written blind, without running the engine), hybrid
 * search must find at least as much of the evidence in its top 10 as plain BM25 does
 * (bench/lib/plain-bm25.ts). The same code as `npm run eval:memory`, through the real REST route
 * handlers with an API token; REALTALK itself cannot be committed and CI has no GitHub.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import * as searchRoute from "@/app/api/v1/memories/search/route";
import { hitIdsFrom, type MemoryApi, memoryIdFrom } from "@/bench/eval-memory/memory-api";
import { evaluateSet, loadSet } from "@/bench/eval-memory/run-set";
import { dialogueSliceSet, teamNotesSet } from "@/bench/eval-memory/sets";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { callRoute } from "../support/call-route";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("memory eval floor: hybrid recall@10 ≥ plain BM25 recall@10", () => {
  let api: MemoryApi;

  beforeAll(async () => {
    const db = await migratedDb();
    const ws = await setUpWorkspace(db);
    const { token } = await createApiToken(db, ws.admin, {
      name: "eval",
      permissions: ["memories.read", "memories.write"],
      expiresInDays: 1,
    });
    api = {
      create: async (body) => memoryIdFrom(await callRoute(memoriesRoute.POST, "/api/v1/memories", { method: "POST", token, body })),
      search: async (body) => hitIdsFrom(await callRoute(searchRoute.POST, "/api/v1/memories/search", { method: "POST", token, body })),
    };
  });

  for (const makeSet of [teamNotesSet, dialogueSliceSet]) {
    const set = makeSet();
    it(`on ${set.id} (${set.title})`, async () => {
      const result = await evaluateSet(api, set, await loadSet(api, set), { methods: ["hybrid", "bm25"] });
      const hybrid = result.summary.hybrid!.overall.recallAt10;
      const bm25 = result.summary.bm25!.overall.recallAt10;
      console.log(`memory eval floor, ${set.id}: hybrid R@10 ${hybrid.toFixed(3)}, plain BM25 R@10 ${bm25.toFixed(3)}`);
      expect(result.questions).toHaveLength(set.conversations.reduce((n, c) => n + c.questions.length, 0));
      expect(result.foreignHits).toBe(0);
      expect(hybrid, `hybrid R@10 ${hybrid.toFixed(3)} < plain BM25 R@10 ${bm25.toFixed(3)} on ${set.id}`).toBeGreaterThanOrEqual(bm25);
    });
  }
});
