/** The 12 memory endpoints through the real route handlers: auth, permissions, privacy, bad input, cache freshness on both cache drivers. */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as patternsRoute from "@/app/api/v1/memories/analytics/patterns/route";
import * as statsRoute from "@/app/api/v1/memories/analytics/stats/route";
import * as cleanupRoute from "@/app/api/v1/memories/cleanup/route";
import * as compressRoute from "@/app/api/v1/memories/compress/route";
import * as configRoute from "@/app/api/v1/memories/config/route";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import * as searchRoute from "@/app/api/v1/memories/search/route";
import type { Db } from "@/db/client";
import { memories, memoryHistory } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { Cache } from "@/lib/cache";
import { createUpstashCache } from "@/lib/cache/upstash-cache";
import { redisAvailable, requireOrSkip } from "@/tests/support/redis-available";
import { startUpstashRestServer, type UpstashRestServer } from "@/tests/support/upstash-rest-server";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpOtherWorkspace, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const redisUp = requireOrSkip(await redisAvailable(), "the memory cache freshness test on the Upstash driver");

describe("memory REST API", () => {
  let db: Db;
  let admin = "";
  let operator = "";
  let analyst = "";
  let guest = "";
  let otherWorkspace = "";
  const counts = async () => [
    (await db.select({ n: count() }).from(memories))[0].n,
    (await db.select({ n: count() }).from(memoryHistory))[0].n,
  ];
  const create = (token: string, body: unknown) => callRoute(memoriesRoute.POST, "/api/v1/memories", { method: "POST", token, body });
  const search = (token: string, body: unknown) => callRoute(searchRoute.POST, "/api/v1/memories/search", { method: "POST", token, body });

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    operator = (await memberWithToken(db, ws.admin, "operator")).token;
    analyst = (await memberWithToken(db, ws.admin, "analyst")).token;
    guest = (await memberWithToken(db, ws.admin, "guest")).token;
    // A second workspace (same install) with its own admin.
    otherWorkspace = (await setUpOtherWorkspace(db, "other-brand", ["memories.read", "memories.write"])).token;
  });

  it("creates, reads, updates, lists, searches and deletes", async () => {
    const created = await create(operator, { content: "品牌调性：温柔真诚", tags: ["品牌"], privacy: "workspace", importance: 0.8 });
    expect(created.status).toBe(201);
    const id = created.json.memory.id as string;
    const got = await callRoute(memoryRoute.GET, `/api/v1/memories/${id}`, { token: analyst, params: { id } });
    expect(got.json.memory.accessCount).toBe(1);
    const put = await callRoute(memoryRoute.PUT, `/api/v1/memories/${id}`, {
      method: "PUT",
      token: operator,
      params: { id },
      body: { content: "品牌调性：温柔、真诚、专业" },
    });
    expect(put.json.memory.content).toBe("品牌调性：温柔、真诚、专业");
    const list = await callRoute(memoriesRoute.GET, "/api/v1/memories", { token: analyst, search: { tags: "品牌", limit: "5" } });
    expect(list.json.memories.map((m: { id: string }) => m.id)).toEqual([id]);
    const found = await search(analyst, { query: "品牌调性专业", explain: true });
    expect(found.json.hits[0].memory.id).toBe(id);
    expect(found.json.hits[0].explain.weights.fusion).toEqual({ keyword: 0.9, vector: 0.1, minVector: 0.3 });
    const del = await callRoute(memoryRoute.DELETE, `/api/v1/memories/${id}`, { method: "DELETE", token: operator, params: { id } });
    expect(del.status).toBe(204);
    expect((await callRoute(memoryRoute.GET, `/api/v1/memories/${id}`, { token: operator, params: { id } })).status).toBe(404);
  });

  it("enforces permissions and privacy", async () => {
    expect((await create(analyst, { content: "analysts only read" })).status).toBe(403);
    expect((await callRoute(memoriesRoute.GET, "/api/v1/memories", { token: guest })).status).toBe(403);
    expect((await callRoute(memoriesRoute.GET, "/api/v1/memories", {})).status).toBe(401);
    const secret = (await create(operator, { content: "私人：报价底线" })).json.memory.id as string;
    for (const token of [analyst, admin]) {
      const res = await callRoute(memoryRoute.GET, `/api/v1/memories/${secret}`, { token, params: { id: secret } });
      expect(res.status).toBe(404);
    }
    expect(
      (await callRoute(cleanupRoute.POST, "/api/v1/memories/cleanup", { method: "POST", token: operator, body: { scope: "workspace" } }))
        .status,
    ).toBe(403);
    expect(
      (await callRoute(cleanupRoute.POST, "/api/v1/memories/cleanup", { method: "POST", token: admin, body: { scope: "workspace" } }))
        .status,
    ).toBe(200);
  });

  it("rejects another workspace's memory id with 404 and changes nothing", async () => {
    const mine = (await create(admin, { content: "workspace A memory", privacy: "workspace" })).json.memory.id as string;
    const before = await counts();
    for (const [handler, method] of [
      [memoryRoute.GET, "GET"],
      [memoryRoute.PUT, "PUT"],
      [memoryRoute.DELETE, "DELETE"],
    ] as const) {
      const res = await callRoute(handler, `/api/v1/memories/${mine}`, {
        method,
        token: otherWorkspace,
        params: { id: mine },
        body: method === "PUT" ? { content: "hijack" } : undefined,
      });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("NOT_FOUND");
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["empty content", { content: "   " }],
    ["100 KB content", { content: "记".repeat(100_000) }],
    ["importance 7", { content: "x", importance: 7 }],
    ["an unknown type", { content: "x", type: "medium_term" }],
    ["10,000 tags", { content: "x", tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) }],
    ["a raw vector of the wrong dimension", { content: "x", embedding: [0.1, 0.2, 0.3] }],
    ["source compression (reserved)", { content: "x", source: "compression" }],
  ])("rejects %s with a clear 400 and stores nothing", async (_label, body) => {
    const before = await counts();
    const res = await create(admin, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("VALIDATION_FAILED");
    expect(res.json.error.fieldErrors).toBeTruthy();
    expect(res.json.error.suggestion).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it("treats FTS syntax as text and refuses k = 0 (the process survives)", async () => {
    for (const query of ['"AND OR NEAR(', "NEAR(a b", "*", "content:x OR"]) {
      expect((await search(admin, { query })).status).toBe(200);
    }
    const zero = await search(admin, { query: "品牌", k: 0 });
    expect(zero.status).toBe(400);
    expect(zero.json.error.fieldErrors.k).toBeTruthy();
    expect((await search(admin, { query: "品牌", k: -1 })).status).toBe(400);
    expect((await search(admin, { query: "品牌", k: 1.5 })).status).toBe(400);
    expect((await search(admin, { query: "品牌", k: 1 })).status).toBe(200);
  });

  it("validates config ranges and reads its own writes", async () => {
    expect(
      (await callRoute(configRoute.PUT, "/api/v1/memories/config", { method: "PUT", token: operator, body: { shortTermRetentionDays: 0 } }))
        .status,
    ).toBe(400);
    expect(
      (await callRoute(configRoute.PUT, "/api/v1/memories/config", { method: "PUT", token: operator, body: { compressionThreshold: 1.5 } }))
        .status,
    ).toBe(400);
    expect((await callRoute(configRoute.GET, "/api/v1/memories/config", { token: operator })).json.config.shortTermRetentionDays).toBe(30);
    const put = await callRoute(configRoute.PUT, "/api/v1/memories/config", {
      method: "PUT",
      token: operator,
      body: { shortTermRetentionDays: 14, defaultPrivacy: "workspace" },
    });
    expect(put.json.config.shortTermRetentionDays).toBe(14);
    expect((await callRoute(configRoute.GET, "/api/v1/memories/config", { token: operator })).json.config).toMatchObject({
      shortTermRetentionDays: 14,
      defaultPrivacy: "workspace",
    });
    expect((await create(operator, { content: "uses my default privacy" })).json.memory.privacy).toBe("workspace");
  });

  it("answers compress, stats and patterns", async () => {
    expect(
      (await callRoute(compressRoute.POST, "/api/v1/memories/compress", { method: "POST", token: operator, body: { dryRun: true } })).json,
    ).toMatchObject({ dryRun: true });
    const stats = await callRoute(statsRoute.GET, "/api/v1/memories/analytics/stats", { token: analyst });
    expect(stats.status).toBe(200);
    expect(stats.json.total).toBeGreaterThan(0);
    expect((await callRoute(patternsRoute.GET, "/api/v1/memories/analytics/patterns", { token: analyst })).status).toBe(200);
  });

  describe.each([["memory"], ["upstash"]])("cache freshness on the %s driver", (_label) => {
    let server: UpstashRestServer | undefined;
    let upstash: Cache | null = null;
    const g = globalThis as unknown as { redmatrixCache?: Cache };
    let saved: Cache | undefined;
    beforeAll(async () => {
      if (_label === "upstash" && redisUp) {
        server = await startUpstashRestServer();
        upstash = createUpstashCache(server.url, server.token);
      }
      saved = g.redmatrixCache;
      if (upstash) g.redmatrixCache = upstash;
    });
    afterAll(async () => {
      g.redmatrixCache = saved;
      await server?.close();
    });

    it("never leaves a stale search, stats or config read behind a write", async () => {
      if (_label === "upstash" && !redisUp) return;
      const word = _label === "upstash" ? "独角兽乙款" : "独角兽甲款";
      expect((await search(admin, { query: word })).json.hits).toEqual([]);
      const total = (await callRoute(statsRoute.GET, "/api/v1/memories/analytics/stats", { token: admin })).json.total;
      const id = (await create(admin, { content: `${word}周边笔记` })).json.memory.id as string;
      expect((await search(admin, { query: word })).json.hits[0].memory.id).toBe(id);
      expect((await callRoute(statsRoute.GET, "/api/v1/memories/analytics/stats", { token: admin })).json.total).toBe(total + 1);
      await callRoute(memoryRoute.DELETE, `/api/v1/memories/${id}`, { method: "DELETE", token: admin, params: { id } });
      expect((await search(admin, { query: word })).json.hits).toEqual([]);
      await callRoute(configRoute.PUT, "/api/v1/memories/config", { method: "PUT", token: admin, body: { promoteAfterAccesses: 9 } });
      expect((await callRoute(configRoute.GET, "/api/v1/memories/config", { token: admin })).json.config.promoteAfterAccesses).toBe(9);
      await callRoute(configRoute.PUT, "/api/v1/memories/config", { method: "PUT", token: admin, body: { promoteAfterAccesses: 10 } });
      expect((await callRoute(configRoute.GET, "/api/v1/memories/config", { token: admin })).json.config.promoteAfterAccesses).toBe(10);
    });
  });
});
