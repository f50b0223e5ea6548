/**
 * Redis (Upstash) goes down mid-use. The app runs on the Upstash driver through the REST bridge
 * in front of the real Redis (tests/support/upstash-rest-server.ts); the test walks the accounts
 * API and the loaders behind the accounts, draft editor, competitors and memories pages, signs in
 * through the real authenticate path, then STOPS the bridge and does it all again: every page
 * answers from the database, the right password signs in, a wrong one is refused as such, and
 * failures still lock (counted in-process). Then the bridge comes back on the same address with
 * the entries cached before the outage still in Redis: a write made during the outage must show.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import * as competitorsRoute from "@/app/api/v1/competitors/route";
import * as draftRoute from "@/app/api/v1/drafts/[id]/route";
import * as presenceRoute from "@/app/api/v1/drafts/[id]/presence/route";
import * as draftsRoute from "@/app/api/v1/drafts/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import * as memorySearchRoute from "@/app/api/v1/memories/search/route";
import type { Db } from "@/db/client";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { getOverview } from "@/lib/competitors/queries/overview";
import { authenticate } from "@/lib/auth/authenticate";
import { getCache } from "@/lib/cache";
import { loadDashboardBase } from "@/lib/competitors/queries/dashboard-base";
import { findDraft } from "@/lib/drafts/get-draft";
import { topicSuggestions } from "@/lib/drafts/topic-suggestions";
import { memoryPatterns } from "@/lib/memory/analytics/memory-patterns";
import { memoryStats } from "@/lib/memory/analytics/memory-stats";
import { actorOf } from "@/lib/memory/memory-access";
import { getMemoryConfig } from "@/lib/memory/memory-config";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { callRoute } from "../support/call-route";
import { adminCredentials, memberWithToken, setUpWorkspace } from "../support/fixtures";
import { redisAvailable, requireOrSkip } from "../support/redis-available";
import { migratedDb } from "../support/test-db";
import { startUpstashRestServer, type UpstashRestServer } from "../support/upstash-rest-server";

const redisUp = requireOrSkip(await redisAvailable(), "the cache outage test");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUp)("Redis (Upstash) down mid-use", () => {
  let bridge: UpstashRestServer;
  let port: number;
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let token: string;
  let draftId: string;
  const marker = `outage-${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    bridge = await startUpstashRestServer();
    port = Number(new URL(bridge.url).port);
    // Before anything reads the environment: the app picks the Upstash driver from it.
    process.env.UPSTASH_REDIS_REST_URL = bridge.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await memberWithToken(db, ws.admin, "admin")).token;
    expect(
      (await callRoute(accountsRoute.POST, "/api/v1/accounts", { method: "POST", token, body: { name: "断线号", redId: `${marker}_acc` } }))
        .status,
    ).toBe(201);
    draftId = (
      await callRoute(draftsRoute.POST, "/api/v1/drafts", { method: "POST", token, body: { title: "断线草稿", text: "正文 #咖啡探店" } })
    ).json.draft.id;
    expect(
      (
        await callRoute(competitorsRoute.POST, "/api/v1/competitors", {
          method: "POST",
          token,
          body: { name: "竞品甲", redUserId: `${marker}c` },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await callRoute(memoriesRoute.POST, "/api/v1/memories", {
          method: "POST",
          token,
          body: { content: `${marker} 品牌调性：温柔真诚`, privacy: "workspace" },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await bridge.close().catch(() => undefined);
  });

  /** Every page and route of the walk, with what it answered. */
  async function walk() {
    const actor = actorOf(ws.admin);
    const accounts = await callRoute(accountsRoute.GET, "/api/v1/accounts", { token });
    const matrix = await loadMatrix(db, ws.admin);
    const draft = await callRoute(draftRoute.GET, `/api/v1/drafts/${draftId}`, { token, params: { id: draftId } });
    const presence = await callRoute(presenceRoute.POST, `/api/v1/drafts/${draftId}/presence`, {
      method: "POST",
      token,
      params: { id: draftId },
    });
    const editor = await Promise.all([
      findDraft(db, ws.admin, draftId),
      topicSuggestions(db, { workspaceId: ws.workspaceId, timezone: "Asia/Shanghai" }, { withHot: true }),
    ]);
    const competitors = await callRoute(competitorsRoute.GET, "/api/v1/competitors", { token });
    const base = await loadDashboardBase(db, ws.admin, {});
    const overview = await getOverview(db, { workspaceId: ws.workspaceId, timezone: base.timezone }, base.subjects, base.range);
    const memories = await callRoute(memoriesRoute.GET, "/api/v1/memories", { token });
    const search = await callRoute(memorySearchRoute.POST, "/api/v1/memories/search", { method: "POST", token, body: { query: marker } });
    await Promise.all([getMemoryConfig(db, actor), memoryStats(db, actor, "Asia/Shanghai"), memoryPatterns(db, actor, "Asia/Shanghai")]);
    return {
      statuses: [accounts.status, draft.status, presence.status, competitors.status, memories.status, search.status],
      accountNames: (accounts.json.accounts as { name: string }[]).map((a) => a.name),
      matrixTotal: matrix.total,
      draftTitle: editor[0]?.title,
      competitorNames: (competitors.json.competitors as { name: string }[]).map((c) => c.name),
      overviewSelected: overview.selected.length,
      searchHits: (search.json.hits as unknown[]).length,
      directSearchHits: (await searchMemories(db, actor, { query: marker, k: 10 })).hits.length,
    };
  }

  it("walks the pages and signs in on the Upstash driver while Redis answers (and the cache is in use)", async () => {
    expect(getCache().driver).toBe("upstash");
    const seen = await walk();
    expect(seen.statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(seen).toMatchObject({
      accountNames: ["断线号"],
      matrixTotal: 1,
      draftTitle: "断线草稿",
      competitorNames: ["竞品甲"],
      searchHits: 1,
      directSearchHits: 1,
    });
    await getCache().set("outage-probe", "before", 600);
    expect(await getCache().get("outage-probe")).toBe("before");
    await expect(authenticate(db, getCache(), { ...adminCredentials, ip: "192.0.2.10" })).resolves.toMatchObject({ id: ws.userId });
  });

  it("answers every page from the database once the bridge stops; sign-in still tells right from wrong", async () => {
    await bridge.close();
    const seen = await walk();
    expect(seen.statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(seen).toMatchObject({
      accountNames: ["断线号"],
      matrixTotal: 1,
      draftTitle: "断线草稿",
      competitorNames: ["竞品甲"],
      searchHits: 1,
      directSearchHits: 1,
    });

    await expect(authenticate(db, getCache(), { ...adminCredentials, ip: "192.0.2.10" })).resolves.toMatchObject({ id: ws.userId });
    await expect(
      authenticate(db, getCache(), { ...adminCredentials, password: "not-the-password", ip: "192.0.2.10" }),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("still locks after repeated failures while Redis is down (counted in this process)", async () => {
    const victim = await memberWithToken(db, ws.admin, "operator");
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(db, getCache(), { email: victim.email, password: "guess", ip: `192.0.2.${20 + i}` })).rejects.toMatchObject(
        { code: "INVALID_CREDENTIALS" },
      );
    }
    await expect(authenticate(db, getCache(), { email: victim.email, password: victim.password, ip: "192.0.2.99" })).rejects.toMatchObject({
      code: "SIGN_IN_LOCKED",
    });
  });

  it("a write made during the outage shows after Redis comes back with its old entries", async () => {
    // Cached before the outage, in Redis: the search for the marker (1 hit) and the matrix (1 account).
    expect(
      (
        await callRoute(memoriesRoute.POST, "/api/v1/memories", {
          method: "POST",
          token,
          body: { content: `${marker} 新写入：断线期间`, privacy: "workspace" },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await callRoute(accountsRoute.POST, "/api/v1/accounts", {
          method: "POST",
          token,
          body: { name: "断线期间新号", redId: `${marker}_acc2` },
        })
      ).status,
    ).toBe(201);

    bridge = await startUpstashRestServer({ port, token: bridge.token });
    // Past the breaker's cool-down: reads go to Redis again (the probe stored before the outage is back).
    await sleep(5_500);
    expect(await getCache().get("outage-probe")).toBe("before");
    const seen = await walk();
    expect(seen.statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(seen.searchHits).toBe(2);
    expect(seen.directSearchHits).toBe(2);
    expect(seen.accountNames.sort()).toEqual(["断线号", "断线期间新号"].sort());
  });
});
