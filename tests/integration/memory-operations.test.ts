/** Memory CRUD against a real libSQL file: embedding stored, privacy, history, pagination, promotion. */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memories, memoryHistory } from "@/db/schema";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { getMemory } from "@/lib/memory/get-memory";
import { listMemories } from "@/lib/memory/list-memories";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { updateMemory } from "@/lib/memory/update-memory";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("memory operations", () => {
  let db: Db;
  let admin: MemoryActor;
  let operator: MemoryActor;
  let analyst: MemoryActor;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    operator = actorOf((await memberWithToken(db, ws.admin, "operator")).ctx);
    analyst = actorOf((await memberWithToken(db, ws.admin, "analyst")).ctx);
  });

  const historyOf = (id: string) => db.select().from(memoryHistory).where(eq(memoryHistory.memoryId, id)).orderBy(memoryHistory.id);

  it("creates a short-term memory with a stored 384-d vector and a 30-day expiry (the default retention)", async () => {
    const m = await createMemory(db, operator, {
      content: "品牌调性：温柔、真诚，不用夸张词",
      tags: ["品牌", "品牌", "voice"],
      importance: 0.6,
    });
    expect(m.type).toBe("short_term");
    expect(m.tags).toEqual(["品牌", "voice"]);
    expect(m.privacy).toBe("private");
    const days = (new Date(m.expiresAt!).getTime() - new Date(m.createdAt).getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
    const [row] = await db.all<{ n: number }>(
      sql`SELECT vector_extract(embedding) AS v, length(embedding) AS n FROM memories WHERE id = ${m.id}`,
    );
    expect(row.n).toBe(384 * 4);
    expect((await historyOf(m.id)).map((h) => h.action)).toEqual(["create"]);
  });

  it("keeps private memories private: another member gets NOT_FOUND, a workspace memory is shared", async () => {
    const secret = await createMemory(db, operator, { content: "我的私人笔记：下周一约拍" });
    const shared = await createMemory(db, operator, { content: "受众：一线城市 25-35 岁女性", privacy: "workspace" });
    await expect(getMemory(db, analyst, secret.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateMemory(db, analyst, secret.id, { content: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMemory(db, analyst, shared.id)).content).toContain("受众");
    await expect(deleteMemory(db, analyst, shared.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const listed = await listMemories(db, analyst, { limit: 100 });
    expect(listed.memories.map((m) => m.id)).toContain(shared.id);
    expect(listed.memories.map((m) => m.id)).not.toContain(secret.id);
  });

  it("counts accesses on get and promotes after N accesses", async () => {
    await updateMemoryConfig(db, admin, { promoteAfterAccesses: 3 });
    const m = await createMemory(db, admin, { content: "爆款标题都带数字", importance: 0.2 });
    await getMemory(db, admin, m.id);
    await getMemory(db, admin, m.id);
    const third = await getMemory(db, admin, m.id);
    expect(third.accessCount).toBe(3);
    expect(third.type).toBe("long_term");
    expect(third.expiresAt).toBeNull();
    expect((await historyOf(m.id)).map((h) => h.action)).toEqual(["create", "promote"]);
  });

  it("re-embeds on content change and records previous and new values", async () => {
    const m = await createMemory(db, operator, { content: "coffee shop map of Shanghai" });
    const vec = async () => (await db.all<{ v: string }>(sql`SELECT vector_extract(embedding) AS v FROM memories WHERE id = ${m.id}`))[0].v;
    const before = await vec();
    const updated = await updateMemory(db, operator, m.id, { content: "sensitive skin care routine", importance: 0.9 });
    expect(updated.importance).toBe(0.9);
    expect(await vec()).not.toBe(before);
    const [, change] = await historyOf(m.id);
    expect(change.action).toBe("update");
    expect(change.previous?.content).toBe("coffee shop map of Shanghai");
    expect(change.next?.content).toBe("sensitive skin care routine");
  });

  it("deletes with history and the FTS index follows", async () => {
    const m = await createMemory(db, operator, { content: "唯一的关键词紫罗兰色包装" });
    const fts = () => db.all(sql`SELECT rowid FROM memories_fts WHERE memories_fts MATCH '"紫罗兰色"'`);
    expect(await fts()).toHaveLength(1);
    await deleteMemory(db, operator, m.id);
    expect(await fts()).toHaveLength(0);
    expect(await db.select().from(memories).where(eq(memories.id, m.id))).toHaveLength(0);
    expect((await historyOf(m.id)).at(-1)?.action).toBe("delete");
  });

  it("paginates without gaps or repeats, with filters and sorts", async () => {
    for (let i = 0; i < 7; i++)
      await createMemory(db, admin, { content: `分页测试 ${i}`, category: "paging", tags: i % 2 ? ["odd"] : ["even"], importance: i / 10 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMemories(db, admin, { category: "paging", limit: 3, cursor, sort: "importance" });
      seen.push(...page.memories.map((m) => m.content));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `分页测试 ${i}`));
    const odd = await listMemories(db, admin, { category: "paging", tags: "odd", limit: 50 });
    expect(odd.memories).toHaveLength(3);
    const text = await listMemories(db, admin, { text: "测试 5", limit: 50 });
    expect(text.memories.map((m) => m.content)).toEqual(["分页测试 5"]);
    await expect(listMemories(db, admin, { cursor: "garbage" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
