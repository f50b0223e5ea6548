/** A search counts as use only when the caller says so (countAccess), and then every call counts, keeps the hits from cleanup and promotes. */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/memories/search/route";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { retrieveContext } from "@/lib/memory/context/retrieve-context";
import { createMemory } from "@/lib/memory/create-memory";
import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { recordUse } from "@/lib/memory/record-use";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const day = 86_400_000;

describe("search that counts an access", () => {
  let db: Db;
  let admin: MemoryActor;
  let operator: MemoryActor;
  let operatorToken = "";
  const row = async (id: string) => (await db.select().from(memories).where(eq(memories.id, id)))[0];
  /** Created 40 days ago, expired, never used: the next cleanup removes it unless something uses it. */
  const ageUnused = (id: string) =>
    db.run(
      sql`UPDATE memories SET created_at = ${Date.now() - 40 * day}, updated_at = ${Date.now() - 40 * day}, expires_at = ${Date.now() - day}, last_accessed_at = NULL WHERE id = ${id}`,
    );

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    const member = await memberWithToken(db, ws.admin, "operator");
    operator = actorOf(member.ctx);
    operatorToken = member.token;
  });

  it("does not count by default, counts every call with countAccess (cached or not), and shows the new count", async () => {
    const m = await createMemory(db, admin, { content: "小红书封面字体用思源黑体加粗", importance: 0.2 });
    await searchMemories(db, admin, { query: "封面字体" });
    await searchMemories(db, admin, { query: "封面字体" });
    expect((await row(m.id)).accessCount).toBe(0);

    const first = await searchMemories(db, admin, { query: "封面字体", countAccess: true });
    expect(first.hits.find((h) => h.memory.id === m.id)?.memory.accessCount).toBe(1);
    const second = await searchMemories(db, admin, { query: "封面字体", countAccess: true });
    expect(second.hits.find((h) => h.memory.id === m.id)?.memory.accessCount).toBe(2);
    const after = await row(m.id);
    expect(after.accessCount).toBe(2);
    expect(after.lastAccessedAt).not.toBeNull();
  });

  it("keeps what an agent that only searches keeps using: the searched memory survives cleanup, the unused one does not", async () => {
    const used = await createMemory(db, operator, { content: "选题库：秋冬护肤换季清单", importance: 0.2 });
    const unused = await createMemory(db, operator, { content: "旧活动：夏日冰饮折扣码", importance: 0.2 });
    await ageUnused(used.id);
    await ageUnused(unused.id);
    const hits = (await searchMemories(db, operator, { query: "秋冬护肤换季", k: 1, countAccess: true })).hits;
    expect(hits.map((h) => h.memory.id)).toEqual([used.id]);
    await cleanupMemories(db, operator, { scope: "mine" });
    expect(await row(used.id)).toBeDefined();
    expect(await row(unused.id)).toBeUndefined();
  });

  it("promotes a memory once counted uses reach promoteAfterAccesses", async () => {
    await updateMemoryConfig(db, admin, { promoteAfterAccesses: 3 });
    const m = await createMemory(db, admin, { content: "直播话术：开场先抽奖留人", importance: 0.2 });
    for (let i = 0; i < 3; i++) await searchMemories(db, admin, { query: "直播话术开场", k: 1, countAccess: true });
    expect(await row(m.id)).toMatchObject({ type: "long_term", expiresAt: null, accessCount: 3 });
  });

  it("counts only memories the caller can see", async () => {
    const secret = await createMemory(db, admin, { content: "私人备忘：年终奖谈判底线", importance: 0.2 });
    const { seq } = await row(secret.id);
    expect(await recordUse(db, operator, { seqs: [seq], ids: [secret.id] })).toEqual({ counted: 0, promoted: 0 });
    expect((await row(secret.id)).accessCount).toBe(0);
  });

  it("context retrieval counts its chosen memories without a flag", async () => {
    const m = await createMemory(db, operator, { content: "咖啡探店：周末下午发布互动最高", importance: 0.2 });
    const context = await retrieveContext(db, operator, { context: "咖啡探店什么时候发布", k: 1 });
    expect(context.memories.map((c) => c.id)).toEqual([m.id]);
    expect((await row(m.id)).accessCount).toBe(1);
  });

  it("takes countAccess over REST, and only as a boolean", async () => {
    const m = await createMemory(db, operator, { content: "REST 计数：笔记发布时间晚上九点", importance: 0.2 });
    const post = (body: unknown) => callRoute(searchRoute.POST, "/api/v1/memories/search", { method: "POST", token: operatorToken, body });
    expect((await post({ query: "笔记发布时间晚上九点", countAccess: "yes" })).status).toBe(400);
    const res = await post({ query: "笔记发布时间晚上九点", k: 1, countAccess: true });
    expect(res.status).toBe(200);
    expect(res.json.hits[0].memory).toMatchObject({ id: m.id, accessCount: 1 });
    expect((await row(m.id)).accessCount).toBe(1);
  });
});
