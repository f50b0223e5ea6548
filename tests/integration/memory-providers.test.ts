/**
 * OpenAI-compatible memory providers against a local stand-in that speaks the protocol: settings
 * (write-only encrypted keys, validation, permissions), the embedder (batches, auth, retries,
 * timeout, wrong dimension), and re-embedding jobs end to end (progress, search during the job,
 * writes during the job, failure and resume, the signed webhook, a dimension change that moves to
 * a new table and drops the old one).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as providersRoute from "@/app/api/v1/memories/providers/route";
import * as reembedRoute from "@/app/api/v1/memories/reembed/route";
import * as reembedWebhook from "@/app/api/webhooks/memory-reembed/route";
import type { Db } from "@/db/client";
import { auditEvents, memories, memoryAiSettings } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { createOpenAiEmbedder } from "@/lib/memory/ai/openai-embedder";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { updateMemory } from "@/lib/memory/update-memory";
import { latestReembedJob, runReembedStep } from "@/lib/memory/vectors/reembed-job";
import { vectorSpaceOf } from "@/lib/memory/vectors/vector-space";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { callRoute } from "../support/call-route";
import { fakeEmbedding, startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fake-openai-server";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const apiKey = "sk-test-DO-NOT-LEAK-42";
const noSleep = async () => {};

describe("OpenAI-compatible embedder", () => {
  let fake: FakeOpenAiServer;
  beforeAll(async () => {
    fake = await startFakeOpenAiServer({ apiKey, dims: { "emb-small": 8 } });
  });
  afterAll(() => fake.close());
  const embedder = (options: { timeoutMs?: number } = {}) =>
    createOpenAiEmbedder({ baseUrl: fake.url, model: "emb-small", dim: 8, apiKey }, { sleep: noSleep, ...options });

  it("sends {model, input} in batches with the bearer key and returns the vectors in order", async () => {
    fake.embeddingRequests.length = 0;
    const texts = Array.from({ length: 70 }, (_, i) => `笔记 ${i}`);
    const vectors = await embedder().embed(texts);
    expect(fake.embeddingRequests.map((r) => r.input.length)).toEqual([64, 6]);
    expect(fake.embeddingRequests[0]).toMatchObject({ model: "emb-small", authorization: `Bearer ${apiKey}` });
    expect(vectors[69].map((x) => x.toFixed(5))).toEqual(fakeEmbedding("笔记 69", 8).map((x) => x.toFixed(5)));
  });

  it("retries a 500, and reports a wrong key, a timeout and a wrong dimension as AI_PROVIDER_FAILED", async () => {
    fake.failNext(1, 500);
    await expect(embedder().embed(["x"])).resolves.toHaveLength(1);
    await expect(createOpenAiEmbedder({ baseUrl: fake.url, model: "m", dim: 8, apiKey: "wrong" }).embed(["x"])).rejects.toMatchObject({
      code: "AI_PROVIDER_FAILED",
      message: expect.stringContaining("HTTP 401"),
    });
    fake.setMode({ kind: "hang" });
    await expect(embedder({ timeoutMs: 150 }).embed(["x"])).rejects.toMatchObject({
      code: "AI_PROVIDER_FAILED",
      message: expect.stringContaining("timed out"),
    });
    fake.setMode({ kind: "wrong-dimension", dim: 5 });
    await expect(embedder().embed(["x"])).rejects.toMatchObject({
      code: "AI_PROVIDER_FAILED",
      message: expect.stringContaining("expected 8 numbers"),
    });
    fake.setMode({ kind: "ok" });
  });
});

describe("memory provider settings and re-embedding", () => {
  let db: Db;
  let fake: FakeOpenAiServer;
  let admin: MemoryActor;
  let token = "";
  let operatorToken = "";
  let workspaceId = "";
  const ids: Record<string, string> = {};
  const put = (body: unknown, t = token) => callRoute(providersRoute.PUT, "/api/v1/memories/providers", { method: "PUT", token: t, body });
  const openai = (dim: number, extra: Record<string, unknown> = {}) => ({
    embedding: { provider: "openai", baseUrl: fake.url, model: dim === 48 ? "emb-large" : "emb-small", dim, ...extra },
  });
  const step = async () => runReembedStep(db, (await latestReembedJob(db, workspaceId))!.id, { batchSize: 2, budgetMs: 0 });
  const top = async (query: string) => (await searchMemories(db, admin, { query, k: 3 }, { cache: false })).hits.map((h) => h.memory.id);

  beforeAll(async () => {
    db = await migratedDb();
    fake = await startFakeOpenAiServer({ apiKey, dims: { "emb-small": 32, "emb-large": 48 } });
    const ws = await setUpWorkspace(db);
    workspaceId = ws.admin.workspaceId;
    admin = actorOf(ws.admin);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    operatorToken = (await memberWithToken(db, ws.admin, "operator")).token;
    for (const [key, content] of Object.entries({
      serum: "精华液测评：成分表要放在第二张图",
      cover: "封面用对比图收藏更多",
      budget: "学生党更喜欢百元以内的平价款",
      night: "晚上九点后发布阅读量低",
      voice: "品牌调性：真诚不夸张",
    })) {
      ids[key] = (await createMemory(db, admin, { content, privacy: "workspace" })).id;
    }
  });
  afterAll(() => fake.close());

  it("validates, needs memories.manage, and never shows or logs the API key", async () => {
    expect((await put(openai(32, { apiKey }), operatorToken)).status).toBe(403);
    for (const bad of [
      openai(32, { baseUrl: "ftp://example.com" }),
      openai(3),
      openai(32, { model: "" }),
      { embedding: { provider: "cohere" } },
      { chat: { baseUrl: "javascript:alert(1)", model: "x" } },
    ]) {
      const res = await put(bad);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await latestReembedJob(db, workspaceId)).toBeNull();

    const res = await put(openai(32, { apiKey }));
    expect(res.status).toBe(200);
    expect(res.json.embedding).toMatchObject({ provider: "openai", model: "emb-small", dim: 32, apiKeySet: true });
    expect(res.json.active).toEqual({ provider: "builtin" });
    expect(res.json.job).toMatchObject({ status: "running", done: 0, total: 5 });
    const [row] = await db.select().from(memoryAiSettings).where(eq(memoryAiSettings.workspaceId, workspaceId));
    expect(row.embeddingApiKey).toMatch(/^enc:v1:/);
    const got = await callRoute(providersRoute.GET, "/api/v1/memories/providers", { token });
    const audits = await db.select().from(auditEvents);
    for (const text of [JSON.stringify(res.json), JSON.stringify(got.json), JSON.stringify(audits), JSON.stringify(row)])
      expect(text).not.toContain(apiKey);
  });

  it("re-embeds in batches with progress while search keeps answering from the old vectors, then switches", async () => {
    const before = await top("精华液成分表");
    expect(before[0]).toBe(ids.serum);
    const requestsBefore = fake.embeddingRequests.length;
    let job = await step();
    expect(job).toMatchObject({ status: "running", done: 2, total: 5 });
    expect(await top("精华液成分表")).toEqual(before); // still the built-in space: no provider call for the query
    expect(fake.embeddingRequests.length).toBe(requestsBefore + 1);

    // Writes during the job: a new memory and an edit are picked up before the switch.
    ids.late = (await createMemory(db, admin, { content: "新品试用装反馈很好", privacy: "workspace" })).id;
    await updateMemory(db, admin, ids.serum, { content: "精华液测评：成分表放第二张图，价格放第三张" });
    for (let i = 0; i < 10 && job.status === "running"; i++) job = await step();
    expect(job).toMatchObject({ status: "done", done: 6, total: 6 });

    const space = vectorSpaceOf({ provider: "openai", baseUrl: fake.url, model: "emb-small", dim: 32 });
    const stored = await db.all<{ seq: number; v: string }>(sql`SELECT seq, vector_extract(embedding) AS v FROM ${sql.raw(space.table!)}`);
    expect(stored).toHaveLength(6);
    const [serum] = await db.select({ seq: memories.seq }).from(memories).where(eq(memories.id, ids.serum));
    const serumVector = JSON.parse(stored.find((s) => s.seq === serum.seq)!.v) as number[];
    const expected = fakeEmbedding("精华液测评：成分表放第二张图，价格放第三张", 32);
    expect(serumVector.map((x) => x.toFixed(4))).toEqual(expected.map((x) => x.toFixed(4)));
    // The built-in vectors of the workspace are released.
    const [{ n }] = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM memories WHERE workspace_id = ${workspaceId} AND embedding IS NOT NULL`,
    );
    expect(n).toBe(0);
    expect((await callRoute(providersRoute.GET, "/api/v1/memories/providers", { token })).json.active).toMatchObject({
      provider: "openai",
      dim: 32,
    });

    // Search now embeds the query with the provider; an exact-text query finds its memory first.
    const calls = fake.embeddingRequests.length;
    const hits = (await searchMemories(db, admin, { query: "封面用对比图收藏更多", k: 3, mode: "vector" }, { cache: false })).hits;
    expect(fake.embeddingRequests.length).toBe(calls + 1);
    expect(hits[0].memory.id).toBe(ids.cover);
    // New memories go straight into the provider's space; deletes leave no orphan vector.
    const fresh = await createMemory(db, admin, { content: "直播切片涨粉快", privacy: "workspace" });
    expect((await searchMemories(db, admin, { query: "直播切片涨粉快", k: 1, mode: "vector" }, { cache: false })).hits[0].memory.id).toBe(
      fresh.id,
    );
    await deleteMemory(db, admin, fresh.id);
    expect(await db.all(sql`SELECT seq FROM ${sql.raw(space.table!)}`)).toHaveLength(6);
  });

  it("keeps hybrid search answering by keyword when the provider is down", async () => {
    fake.setMode({ kind: "status", status: 503 });
    const hits = (await searchMemories(db, admin, { query: "平价款", k: 3 }, { cache: false })).hits;
    expect(hits[0].memory.id).toBe(ids.budget);
    await expect(searchMemories(db, admin, { query: "平价款", k: 3, mode: "vector" }, { cache: false })).rejects.toMatchObject({
      code: "AI_PROVIDER_FAILED",
    });
    fake.setMode({ kind: "ok" });
  });

  it("fails on a wrong-dimension answer, resumes where it stopped, and moves to a new table on a dimension change", async () => {
    const res = await put(openai(48));
    expect(res.json.job).toMatchObject({ status: "running", total: 6 });
    let job = await step();
    expect(job.done).toBe(2);
    fake.setMode({ kind: "wrong-dimension", dim: 32 });
    job = await step();
    expect(job).toMatchObject({ status: "failed", done: 2, errors: 1 });
    expect(job.lastError).toContain("expected 48 numbers");
    // Search still uses the complete 32-dimension space.
    fake.setMode({ kind: "ok" });
    expect((await callRoute(providersRoute.GET, "/api/v1/memories/providers", { token })).json.active).toMatchObject({ dim: 32 });
    expect((await top("封面用对比图收藏更多"))[0]).toBe(ids.cover);

    const resumed = await callRoute(reembedRoute.POST, "/api/v1/memories/reembed", { method: "POST", token, body: { jobId: job.id } });
    expect(resumed.json.job).toMatchObject({ status: "running", done: 2 });
    // The rest arrives through the signed webhook, as the dispatcher would deliver it.
    const url = "http://localhost:3000/api/webhooks/memory-reembed";
    const unsigned = await callRoute(reembedWebhook.POST as never, "/api/webhooks/memory-reembed", { method: "POST", rawBody: "{}" });
    expect(unsigned.status).toBe(401);
    const signed = await callRoute(reembedWebhook.POST as never, "/api/webhooks/memory-reembed", {
      method: "POST",
      rawBody: "{}",
      headers: { "upstash-signature": signQstashRequest({ url, body: "{}", key: signingKeys().current }) },
    });
    expect(signed.status).toBe(200);
    expect(await latestReembedJob(db, workspaceId)).toMatchObject({ status: "done", done: 6, total: 6 });

    const old = vectorSpaceOf({ provider: "openai", baseUrl: fake.url, model: "emb-small", dim: 32 });
    const tables = (
      await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'memory_vectors_%'`)
    ).map((t) => t.name);
    expect(tables).not.toContain(old.table);
    expect(tables).toContain(vectorSpaceOf({ provider: "openai", baseUrl: fake.url, model: "emb-large", dim: 48 }).table);
    expect((await top("封面用对比图收藏更多"))[0]).toBe(ids.cover);
  });

  it("goes back to the built-in embedder the same way", async () => {
    expect((await put({ embedding: { provider: "builtin" } })).json.job.status).toBe("running");
    let job = await step();
    for (let i = 0; i < 10 && job.status === "running"; i++) job = await step();
    expect(job.status).toBe("done");
    const tables = await db.all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'memory_vectors_%'`);
    expect(tables).toEqual([]);
    const calls = fake.embeddingRequests.length;
    expect((await top("晚上九点后发布"))[0]).toBe(ids.night);
    expect(fake.embeddingRequests.length).toBe(calls);
  });
});
