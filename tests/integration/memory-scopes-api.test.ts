/**
 * Scopes (account, user, agent, run) and the filter language through every memory endpoint's
 * real route: writes keep and check scopes; list, search, context, stats, patterns, cleanup and
 * compress keep to the scope they are given (account A's or run A's memories never appear when
 * filtering B); "What did Caroline research?" is answered from her run; bad filters answer 400
 * with a code, both languages and a suggestion.
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as patternsRoute from "@/app/api/v1/memories/analytics/patterns/route";
import * as statsRoute from "@/app/api/v1/memories/analytics/stats/route";
import * as cleanupRoute from "@/app/api/v1/memories/cleanup/route";
import * as compressRoute from "@/app/api/v1/memories/compress/route";
import * as contextRoute from "@/app/api/v1/memories/context/route";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import * as searchRoute from "@/app/api/v1/memories/search/route";
import type { Db } from "@/db/client";
import { accounts, memories, workspaces } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { errorCatalog } from "@/lib/errors/catalog";
import { newId } from "@/lib/ids/new-id";
import { createMemory } from "@/lib/memory/create-memory";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import type { CreateMemoryInput } from "@/lib/memory/memory-schemas";
import { updateMember } from "@/lib/members/update-member";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

type Ids = { memories: { id: string }[] };
const idsOf = (json: Ids) => json.memories.map((m) => m.id);

describe("memory scopes and filters on every endpoint", () => {
  let db: Db;
  let token = "";
  let limitedToken = "";
  let me: MemoryActor;
  let accA = "";
  let accB = "";
  let foreignAccount = "";
  const m: Record<string, string> = {};
  const ofA = () => [m.a1, m.a2, m.aVoice];
  const ofB = () => [m.b1, m.b2, m.bVoice];
  const caroline = () => [m.c1, m.c2, m.c3];

  const list = (search: Record<string, string>) => callRoute(memoriesRoute.GET, "/api/v1/memories", { token, search });
  const post = (route: typeof searchRoute.POST, path: string, body: unknown, headers?: Record<string, string>) =>
    callRoute(route, path, { method: "POST", token, body, headers });
  const search = (body: object) => post(searchRoute.POST, "/api/v1/memories/search", body);
  const context = (body: object) => post(contextRoute.POST, "/api/v1/memories/context", body);
  const stats = (search: Record<string, string>) => callRoute(statsRoute.GET, "/api/v1/memories/analytics/stats", { token, search });
  const patterns = (search: Record<string, string>) =>
    callRoute(patternsRoute.GET, "/api/v1/memories/analytics/patterns", { token, search });
  const cleanup = (body: object) => post(cleanupRoute.POST, "/api/v1/memories/cleanup", body);
  const compress = (body: object) => post(compressRoute.POST, "/api/v1/memories/compress", body);

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    me = actorOf(ws.admin);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    accA = newId("acc");
    accB = newId("acc");
    await db.insert(accounts).values([
      { id: accA, workspaceId: me.workspaceId, name: "小鹿护肤日记", redId: "deer01" },
      { id: accB, workspaceId: me.workspaceId, name: "阿猫美食记", redId: "cat01" },
    ]);
    const otherWs = newId("ws");
    await db.insert(workspaces).values({ id: otherWs, slug: "other-scopes", name: "Other" });
    foreignAccount = newId("acc");
    await db.insert(accounts).values({ id: foreignAccount, workspaceId: otherWs, name: "别家账号", redId: "other01" });
    const limited = await memberWithToken(db, ws.admin, "operator");
    await updateMember(db, ws.admin, limited.memberId, { accountScope: "granted", accountIds: [accA] });
    limitedToken = limited.token;

    const add = async (key: string, content: string, extra: Partial<CreateMemoryInput> = {}) =>
      (m[key] = (await createMemory(db, me, { content, privacy: "workspace", ...extra })).id);
    await add("voice", "品牌调性：真诚、不夸大功效、多用实测对比", { type: "long_term", importance: 0.9 });
    await add("a1", "小鹿账号：敏感肌读者喜欢实测对比", { accountId: accA, agentId: "copilot-planner", runId: "run-a", tags: ["护肤"] });
    await add("a2", "小鹿账号：防晒笔记周末晚上发布效果好", { accountId: accA, runId: "run-a", tags: ["护肤", "发布"] });
    await add("aVoice", "小鹿账号的语气：像闺蜜聊天", { type: "long_term", importance: 0.95, accountId: accA });
    await add("b1", "阿猫账号：美食探店笔记周末晚上发布效果好", {
      accountId: accB,
      agentId: "copilot-planner",
      runId: "run-b",
      tags: ["美食", "发布"],
    });
    await add("b2", "阿猫账号：读者喜欢低脂早餐食谱", { accountId: accB, runId: "run-b", tags: ["美食"] });
    await add("bVoice", "阿猫账号的语气：幽默、接地气", { type: "long_term", importance: 0.95, accountId: accB });
    const research = { runId: "caroline-research", agentId: "researcher", tags: ["调研"] };
    await add("c1", "Caroline 调研了 30 位敏感肌用户：无香精面霜的复购率最高", research);
    await add("c2", "Caroline 的调研结论：学生党更关心价格而不是成分", research);
    await add("c3", "Caroline 整理了竞品标题：数字开头的标题点击率高", research);
  });

  it("stores the scopes a memory is written with, returns them, and refuses an account outside the workspace", async () => {
    const created = await callRoute(memoriesRoute.POST, "/api/v1/memories", {
      method: "POST",
      token,
      body: { content: "临时：测试作用域写入", accountId: accA, agentId: "tester", runId: "conv:2026-01-31#4" },
    });
    expect(created.status).toBe(201);
    expect(created.json.memory).toMatchObject({ accountId: accA, agentId: "tester", runId: "conv:2026-01-31#4" });
    const id = created.json.memory.id as string;
    const put = (body: unknown, t = token) =>
      callRoute(memoryRoute.PUT, `/api/v1/memories/${id}`, { method: "PUT", token: t, params: { id }, body });
    expect((await put({ accountId: null, runId: "run-z" })).json.memory).toMatchObject({
      accountId: null,
      agentId: "tester",
      runId: "run-z",
    });
    const got = await callRoute(memoryRoute.GET, `/api/v1/memories/${id}`, { token, params: { id } });
    expect(got.json.memory).toMatchObject({ accountId: null, agentId: "tester", runId: "run-z" });

    const before = (await db.select({ id: memories.id }).from(memories)).length;
    for (const accountId of [foreignAccount, "acc_missing"]) {
      const res = await callRoute(memoriesRoute.POST, "/api/v1/memories", {
        method: "POST",
        token,
        body: { content: "不该保存", accountId },
      });
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: "MEMORY_ACCOUNT_NOT_FOUND", details: { accountId } });
      expect(res.json.error.message).toBe(`找不到账号 ${accountId}：它不在本工作区，或你无权使用它。`);
      expect(res.json.error.suggestion).toContain("/api/v1/accounts");
    }
    expect((await put({ accountId: foreignAccount })).json.error.code).toBe("MEMORY_ACCOUNT_NOT_FOUND");
    expect((await db.select({ id: memories.id }).from(memories)).length).toBe(before);
    const badAgent = await callRoute(memoriesRoute.POST, "/api/v1/memories", {
      method: "POST",
      token,
      body: { content: "x", agentId: "has space" },
    });
    expect(badAgent.json.error.code).toBe("VALIDATION_FAILED");
    // A member limited to account A cannot file a memory under B.
    const limited = await callRoute(memoriesRoute.POST, "/api/v1/memories", {
      method: "POST",
      token: limitedToken,
      body: { content: "阿猫账号的笔记", accountId: accB },
    });
    expect(limited.json.error.code).toBe("MEMORY_ACCOUNT_NOT_FOUND");
    await callRoute(memoryRoute.DELETE, `/api/v1/memories/${id}`, { method: "DELETE", token, params: { id } });
  });

  it("list: every scope filter, flat or in the filter language, keeps to its scope", async () => {
    const b = idsOf((await list({ accountId: accB, limit: "100" })).json);
    expect(b.sort()).toEqual(ofB().sort());
    expect(idsOf((await list({ filter: "run:run-a", limit: "100" })).json).sort()).toEqual([m.a1, m.a2].sort());
    const byAgent = await list({ filter: JSON.stringify({ scope: { agentId: "copilot-planner" } }), limit: "100" });
    expect(idsOf(byAgent.json).sort()).toEqual([m.a1, m.b1].sort());
    const unscoped = idsOf((await list({ filter: "account:none", limit: "100" })).json);
    expect(unscoped.sort()).toEqual([m.voice, ...caroline()].sort());
    const neither = idsOf((await list({ filter: `NOT (account:${accA} OR account:${accB})`, limit: "100" })).json);
    expect(neither.sort()).toEqual(unscoped.sort());
    expect(idsOf((await list({ accountId: accA, tags: "发布" })).json)).toEqual([m.a2]);
    expect(idsOf((await list({ userId: "me", filter: "tag:调研 AND NOT has:source", limit: "100" })).json).sort()).toEqual(
      caroline().sort(),
    );
  });

  it("search: a scoped search never returns the other account's or run's memories", async () => {
    const hits = async (body: object) =>
      ((await search({ query: "周末晚上发布", k: 20, ...body })).json.hits as { memory: { id: string } }[]).map((h) => h.memory.id);
    const all = await hits({});
    expect(all).toEqual(expect.arrayContaining([m.a2, m.b1]));
    const b = await hits({ accountId: accB });
    expect(b).toContain(m.b1);
    for (const id of ofA()) expect(b).not.toContain(id);
    const runA = await hits({ filter: "run:run-a" });
    expect(runA).toContain(m.a2);
    for (const id of ofB()) expect(runA).not.toContain(id);
    const json = await hits({ filter: { and: [{ tag: "发布" }, { not: { scope: { accountId: accA } } }] } });
    expect(json).toEqual([m.b1]);
  });

  it("context: an account's context has its own and the workspace-wide memories, never another account's", async () => {
    const ask = async (accountId: string) =>
      idsOf((await context({ topic: "写一篇周末晚上发布的笔记", accountId, k: 10, tokenBudget: 2_000 })).json);
    const forB = await ask(accB);
    expect(forB).toEqual(expect.arrayContaining([m.bVoice, m.voice, m.b1]));
    for (const id of ofA()) expect(forB).not.toContain(id);
    const forA = await ask(accA);
    expect(forA).toEqual(expect.arrayContaining([m.aVoice, m.voice, m.a2]));
    for (const id of ofB()) expect(forA).not.toContain(id);
    expect((await context({ topic: "x", accountId: foreignAccount })).json.error.code).toBe("MEMORY_ACCOUNT_NOT_FOUND");
  });

  it('context: "What did Caroline research?" scoped to her run (or agent) answers from her conversation only', async () => {
    const topic = "What did Caroline research?";
    for (const scope of [{ runId: "caroline-research" }, { agentId: "researcher" }, { filter: "run:caroline-research" }]) {
      const res = await context({ topic, k: 5, tokenBudget: 2_000, ...scope });
      expect(res.status).toBe(200);
      expect(idsOf(res.json).sort(), JSON.stringify(scope)).toEqual(caroline().sort());
    }
    // Scoped to another run, her memories do not leak in, though the topic names her too.
    const other = idsOf((await context({ topic: "Caroline 调研 低脂早餐", k: 10, tokenBudget: 2_000, runId: "run-b" })).json);
    expect(other.length).toBeGreaterThan(0);
    for (const id of caroline()) expect(other).not.toContain(id);
  });

  it("stats: the numbers of the scope asked for", async () => {
    const a = (await stats({ accountId: accA })).json;
    expect(a.total).toBe(3);
    expect(a.topTags.map((t: { tag: string }) => t.tag)).toEqual(expect.arrayContaining(["护肤", "发布"]));
    expect(a.topTags.map((t: { tag: string }) => t.tag)).not.toContain("美食");
    expect((await stats({ filter: "run:run-b" })).json.total).toBe(2);
    expect((await stats({ filter: "run:caroline-research AND tier:long_term" })).json.total).toBe(0);
    expect((await stats({})).json.total).toBeGreaterThanOrEqual(10);
  });

  it("patterns: most used memories and tag pairs of the scope only", async () => {
    const b = (await patterns({ accountId: accB })).json;
    expect(b.mostAccessed.length).toBeGreaterThan(0);
    for (const x of b.mostAccessed) expect(ofB()).toContain(x.id);
    expect(b.tagPairs).toEqual([{ a: "发布", b: "美食", count: 1 }]);
    const research = (await patterns({ filter: "agent:researcher" })).json;
    expect(research.mostAccessed.map((x: { id: string }) => x.id).sort()).toEqual(caroline().sort());
  });

  it("cleanup: a dry run counts only the scope's expired memories, and a run removes only them", async () => {
    const longAgo = new Date(Date.now() - 90 * 86_400_000);
    const expired = async (runId: string, n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await createMemory(db, me, { content: `过期的笔记 ${runId} ${i}`, runId })).id);
      await db
        .update(memories)
        // Expired and not used within the retention: cleanup's rule (cleanup-candidates.ts).
        .set({ expiresAt: new Date(Date.now() - 60_000), createdAt: longAgo, updatedAt: longAgo })
        .where(inArray(memories.id, ids));
      return ids;
    };
    const x = await expired("run-x", 2);
    const y = await expired("run-y", 3);
    expect((await cleanup({ dryRun: true, runId: "run-x" })).json).toMatchObject({ dryRun: true, removed: 2 });
    expect((await cleanup({ dryRun: true, filter: "run:run-y" })).json.removed).toBe(3);
    expect((await cleanup({ dryRun: true })).json.removed).toBe(5);
    const run = await cleanup({ filter: { scope: { runId: "run-x" } } });
    expect(run.json).toMatchObject({ dryRun: false, removed: 2 });
    const left = await db
      .select({ id: memories.id })
      .from(memories)
      .where(inArray(memories.id, [...x, ...y]));
    expect(left.map((r) => r.id).sort()).toEqual(y.sort());
  });

  it("a member limited to account A sees the workspace-wide memories and A's, never others' memories about B", async () => {
    const res = await callRoute(memoriesRoute.GET, "/api/v1/memories", { token: limitedToken, search: { limit: "100" } });
    const seen = (res.json.memories as { id: string }[]).map((x) => x.id);
    expect(seen).toEqual(expect.arrayContaining([m.voice, m.a1, m.a2, m.aVoice, m.c1]));
    for (const id of [m.b1, m.b2, m.bVoice]) expect(seen).not.toContain(id);
    const hidden = await callRoute(memoryRoute.GET, `/api/v1/memories/${m.bVoice}`, { token: limitedToken, params: { id: m.bVoice } });
    expect(hidden.status).toBe(404);
  });

  it("compress: a merge keeps its members' account, agent and run, and never mixes two runs", async () => {
    const text = "复盘：护肤笔记发在周四晚上八点，互动率比周末高三成。";
    const made: string[] = [];
    for (const runId of ["keep-1", "keep-1", "keep-2", "keep-2"])
      made.push((await createMemory(db, me, { content: text, runId, accountId: accA, agentId: "copilot-planner" })).id);
    const run = await compress({});
    const merged = await db.select().from(memories).where(inArray(memories.id, run.json.created));
    const kept = merged.filter((r) => r.runId === "keep-1" || r.runId === "keep-2");
    expect(kept.map((r) => r.runId).sort()).toEqual(["keep-1", "keep-2"]);
    for (const r of kept) expect(r).toMatchObject({ accountId: accA, agentId: "copilot-planner" });
    const members = await db.select().from(memories).where(inArray(memories.id, made));
    for (const r of members) expect(kept.find((k) => k.id === r.compressedInto)?.runId).toBe(r.runId);
  });

  it("compress: a dry run plans merges inside the scope only, and a merge never mixes runs", async () => {
    const twins = async (runId: string) => {
      for (const text of ["周报：本周护肤笔记平均点赞 320，收藏率提升。", "周报：本周护肤笔记平均点赞 320，收藏率提升！"])
        await createMemory(db, me, { content: text, runId, tags: ["周报"] });
    };
    await twins("dup-1");
    await twins("dup-2");
    expect((await compress({ dryRun: true, runId: "dup-1" })).json).toMatchObject({ dryRun: true, clusters: 1, merged: 2 });
    // The same text in two runs: two merges of two, not one of four.
    expect((await compress({ dryRun: true, filter: "run:dup-1 OR run:dup-2" })).json).toMatchObject({ clusters: 2, merged: 4 });
    expect((await compress({ dryRun: true, filter: "run:dup-1 tier:long_term" })).json).toMatchObject({ clusters: 0, merged: 0 });
    const run = await compress({ runId: "dup-1" });
    expect(run.json.created).toHaveLength(1);
    const [merged] = await db.select().from(memories).where(eq(memories.id, run.json.created[0]));
    expect(merged).toMatchObject({ runId: "dup-1", type: "long_term" });
    const dup2 = await db.select({ compressedInto: memories.compressedInto }).from(memories).where(eq(memories.runId, "dup-2"));
    expect(dup2.map((r) => r.compressedInto)).toEqual([null, null]);
  });

  it("answers a bad filter on every endpoint with 400, its code, both languages and a suggestion", async () => {
    let deep: object = { tag: "a" };
    for (let i = 0; i < 8; i++) deep = { not: deep };
    const cases: [string, () => Promise<{ status: number; json: any }>, string, Record<string, unknown>][] = [
      ["list", () => list({ filter: "tag:a AND" }), "MEMORY_FILTER_INCOMPLETE", {}],
      ["list (JSON)", () => list({ filter: '{"and": []}' }), "MEMORY_FILTER_INVALID", { path: "filter.and" }],
      ["search", () => search({ query: "x", filter: "tier:medium" }), "MEMORY_FILTER_SYNTAX", { position: 6 }],
      ["context", () => context({ topic: "x", filter: deep }), "MEMORY_FILTER_TOO_COMPLEX", { maxDepth: 5 }],
      ["stats", () => stats({ filter: "colour:red" }), "MEMORY_FILTER_SYNTAX", { position: 1 }],
      ["patterns", () => patterns({ filter: "((tag:a" }), "MEMORY_FILTER_INCOMPLETE", { expected: ")" }],
      [
        "cleanup",
        () => cleanup({ dryRun: true, filter: { meta: { key: "a b", eq: 1 } } }),
        "MEMORY_FILTER_INVALID",
        { path: "filter.meta.key" },
      ],
      ["compress", () => compress({ dryRun: true, filter: "run:a'b" }), "MEMORY_FILTER_SYNTAX", { position: 5 }],
    ];
    for (const [endpoint, call, code, details] of cases) {
      const res = await call();
      expect(res.status, endpoint).toBe(400);
      const error = res.json.error;
      expect(error.code, endpoint).toBe(code);
      expect(error.details, endpoint).toMatchObject(details);
      const catalogue = errorCatalog[code as keyof typeof errorCatalog];
      expect(error.messages).toEqual({ "zh-CN": catalogue.message["zh-CN"], en: catalogue.message.en });
      expect(error.message, endpoint).not.toMatch(/\{\w+\}/);
      expect(error.suggestion, endpoint).toBe(catalogue.suggestion["zh-CN"]);
    }
    const english = await post(
      searchRoute.POST,
      "/api/v1/memories/search",
      { query: "x", filter: "tier:medium" },
      { "accept-language": "en" },
    );
    expect(english.json.error.message).toBe('The filter cannot be read at character 6: found "medium", expected short_term | long_term.');
    expect(english.json.error.suggestion).toBe(errorCatalog.MEMORY_FILTER_SYNTAX.suggestion.en);
  });
});
