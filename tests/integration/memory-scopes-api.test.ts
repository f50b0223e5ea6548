/** Scopes (account, user, agent, run) through the real memory routes: writes keep and check them, compression keeps them. */
import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as compressRoute from "@/app/api/v1/memories/compress/route";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import type { Db } from "@/db/client";
import { accounts, memories, workspaces } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { newId } from "@/lib/ids/new-id";
import { createMemory } from "@/lib/memory/create-memory";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import type { CreateMemoryInput } from "@/lib/memory/memory-schemas";
import { updateMember } from "@/lib/members/update-member";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("memory scopes and filters on every endpoint", () => {
  let db: Db;
  let token = "";
  let limitedToken = "";
  let me: MemoryActor;
  let accA = "";
  let accB = "";
  let foreignAccount = "";
  const m: Record<string, string> = {};

  const post = (route: typeof compressRoute.POST, path: string, body: unknown, headers?: Record<string, string>) =>
    callRoute(route, path, { method: "POST", token, body, headers });
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
});
