/** POST /api/v1/memories/context through the real route: topic + account -> diverse memories within the budget, accesses counted, scope enforced. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as contextRoute from "@/app/api/v1/memories/context/route";
import type { Db } from "@/db/client";
import { accounts, memories, workspaces } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { newId } from "@/lib/ids/new-id";
import { createMemory } from "@/lib/memory/create-memory";
import { actorOf } from "@/lib/memory/memory-access";
import { estimateTokens } from "@/lib/memory/context/mmr";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("POST /api/v1/memories/context", () => {
  let db: Db;
  let token = "";
  let analyst = "";
  const ids: Record<string, string> = {};
  let accountId = "";
  let foreignAccount = "";
  const ask = (body: unknown, t = token) => callRoute(contextRoute.POST, "/api/v1/memories/context", { method: "POST", token: t, body });

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    analyst = (await memberWithToken(db, ws.admin, "analyst")).token;
    accountId = newId("acc");
    await db.insert(accounts).values({
      id: accountId,
      workspaceId: ws.admin.workspaceId,
      name: "小鹿护肤日记",
      redId: "deer01",
      tags: ["护肤"],
      personaNotes: "面向敏感肌学生党，语气像闺蜜",
    });
    const otherWs = newId("ws");
    await db.insert(workspaces).values({ id: otherWs, slug: "other-ctx", name: "Other" });
    foreignAccount = newId("acc");
    await db.insert(accounts).values({ id: foreignAccount, workspaceId: otherWs, name: "别家账号", redId: "other01" });
    const me = actorOf(ws.admin);
    const add = async (key: string, content: string, extra: Record<string, unknown> = {}) =>
      (ids[key] = (await createMemory(db, me, { content, privacy: "workspace", ...extra })).id);
    await add("voice", "品牌调性：真诚、不夸大功效、多用实测对比", { type: "long_term", importance: 0.9 });
    await add("cream1", "敏感肌面霜笔记：标题写出“泛红”“修护”效果最好");
    await add("cream2", "敏感肌面霜笔记：标题写出“泛红”“修护”点击率最高"); // near-duplicate of cream1: MMR should keep one
    await add("price", "学生党在意价格，百元以内的面霜收藏率高");
    await add("deerOnly", "这个账号的读者周末晚上最活跃", { accountId });
    await add("food", "低脂早餐食谱：燕麦、酸奶、蓝莓");
  });

  it("returns the brand voice and the topic's memories within the budget, diverse, and counts accesses", async () => {
    const res = await ask({ topic: "写一篇敏感肌面霜测评", k: 3, tokenBudget: 120 });
    expect(res.status).toBe(200);
    const got = res.json.memories.map((m: { id: string }) => m.id) as string[];
    expect(got).toContain(ids.voice);
    expect(got.filter((id) => id === ids.cream1 || id === ids.cream2)).toHaveLength(1);
    expect(got).not.toContain(ids.food);
    expect(res.json.tokens).toBeLessThanOrEqual(120);
    expect(res.json.tokens).toBe(res.json.memories.reduce((s: number, m: { content: string }) => s + estimateTokens(m.content), 0));
    const [row] = await db.select({ n: memories.accessCount }).from(memories).where(eq(memories.id, ids.voice));
    expect(row.n).toBe(1);
  });

  it("brings in the account's own memories and its persona", async () => {
    const without = (await ask({ topic: "什么时候发布", k: 5 })).json.memories.map((m: { id: string }) => m.id);
    const withAccount = (await ask({ topic: "什么时候发布", accountId, k: 5 })).json.memories.map((m: { id: string }) => m.id);
    expect(without).not.toContain(ids.deerOnly);
    expect(withAccount).toContain(ids.deerOnly);
  });

  it("keeps to a tiny budget", async () => {
    const res = await ask({ topic: "敏感肌面霜", k: 5, tokenBudget: 20 });
    expect(res.status).toBe(200);
    expect(res.json.tokens).toBeLessThanOrEqual(20);
  });

  it("answers 404 for an account of another workspace and 400 for bad input", async () => {
    const foreign = await ask({ topic: "面霜", accountId: foreignAccount });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe("MEMORY_ACCOUNT_NOT_FOUND");
    for (const body of [{ topic: "  " }, { topic: "x", k: 0 }, { topic: "x", tokenBudget: 5 }, { topic: "x", extra: 1 }, {}]) {
      const res = await ask(body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("needs memories.read and works for a read-only member", async () => {
    expect((await callRoute(contextRoute.POST, "/api/v1/memories/context", { method: "POST", body: { topic: "x" } })).status).toBe(401);
    expect((await ask({ topic: "敏感肌面霜" }, analyst)).status).toBe(200);
  });
});
