/** Cleanup, compression, undo, lineage, stats and patterns against a real libSQL file. */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { memoryPatterns } from "@/lib/memory/analytics/memory-patterns";
import { memoryStats } from "@/lib/memory/analytics/memory-stats";
import { createMemory } from "@/lib/memory/create-memory";
import { listMemories } from "@/lib/memory/list-memories";
import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { mergeKeywordIndex } from "@/lib/memory/maintenance/merge-keyword-index";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { memoryLineage } from "@/lib/memory/memory-lineage";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("memory maintenance", () => {
  let db: Db;
  let admin: MemoryActor;
  let operator: MemoryActor;
  // Expired and untouched for 60 days (cleanup keeps what was created, edited or used within the retention).
  const expire = (id: string) => {
    const longAgo = Date.now() - 60 * 86_400_000;
    return db.run(
      sql`UPDATE memories SET expires_at = ${Date.now() - 1000}, created_at = ${longAgo}, updated_at = ${longAgo} WHERE id = ${id}`,
    );
  };
  const exists = async (id: string) => (await db.select({ id: memories.id }).from(memories).where(eq(memories.id, id))).length === 1;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    operator = actorOf((await memberWithToken(db, ws.admin, "operator")).ctx);
  });

  it("removes expired short-term memories, never long-term or promotable ones, and undo brings them back", async () => {
    const old = await createMemory(db, operator, { content: "上周的临时想法：试试蓝色封面", importance: 0.2 });
    const fresh = await createMemory(db, operator, { content: "今天的临时想法", importance: 0.2 });
    const important = await createMemory(db, operator, { content: "重要：品牌禁用词清单", importance: 0.9 });
    const longTerm = await createMemory(db, operator, { content: "长期：受众画像", type: "long_term" });
    await db
      .update(memories)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(memories.id, longTerm.id));
    await expire(old.id);
    await expire(important.id);

    // The preview counts what the run deletes: the important one is promoted, not deleted.
    const dry = await cleanupMemories(db, operator, { scope: "mine", dryRun: true });
    expect(dry).toMatchObject({ removed: 1, promoted: 1 });
    expect(dry.preview?.items.map((i) => i.id)).toEqual([old.id]);
    expect(await exists(old.id)).toBe(true);

    const run = await cleanupMemories(db, operator, { scope: "mine" });
    expect(run).toMatchObject({ removed: 1, promoted: 1 });
    expect(await exists(old.id)).toBe(false);
    expect(await exists(fresh.id)).toBe(true);
    expect(await exists(longTerm.id)).toBe(true);
    const [promoted] = await db.select().from(memories).where(eq(memories.id, important.id));
    expect(promoted.type).toBe("long_term");

    expect(await undoRun(db, operator, run.batchId)).toEqual({ restored: 1, removed: 0 });
    expect(await exists(old.id)).toBe(true);
    expect((await searchMemories(db, operator, { query: "蓝色封面" })).hits[0]?.memory.id).toBe(old.id);
    await expect(undoRun(db, operator, run.batchId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a workspace-wide run without memories.manage", async () => {
    await expect(cleanupMemories(db, operator, { scope: "workspace" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(compressMemories(db, operator, { scope: "workspace" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("merges similar short-term memories into one long-term memory with lineage, and undo restores them", async () => {
    await updateMemoryConfig(db, admin, { compressionThreshold: 0.8 });
    const a = await createMemory(db, admin, { content: "标题公式：数字加痛点，比如3个方法告别干皮。", tags: ["标题"], importance: 0.3 });
    const b = await createMemory(db, admin, {
      content: "标题公式：数字加痛点，比如3个方法告别干皮。封面用大字。",
      tags: ["封面"],
      importance: 0.6,
    });
    const c = await createMemory(db, admin, { content: "标题公式：数字加痛点，比如3个方法告别干皮！", tags: ["标题"], importance: 0.4 });
    const other = await createMemory(db, admin, { content: "Coffee shop visits perform best on weekend afternoons" });
    const secret = await createMemory(db, operator, { content: "标题公式：数字加痛点，比如3个方法告别干皮。" });

    const run = await compressMemories(db, admin, { scope: "mine" });
    expect(run.clusters).toBe(1);
    expect(run.merged).toBe(3);
    const [mergedId] = run.created;
    const lineage = await memoryLineage(db, admin, mergedId);
    expect(lineage.memory).toMatchObject({ type: "long_term", source: "compression", importance: 0.6 });
    expect(lineage.memory.tags.sort()).toEqual(["封面", "标题"].sort());
    expect(lineage.memory.content).toContain("封面用大字");
    expect(lineage.mergedFrom.map((m) => m.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await memoryLineage(db, admin, a.id)).mergedInto?.id).toBe(mergedId);

    const listed = (await listMemories(db, admin, { limit: 100 })).memories.map((m) => m.id);
    expect(listed).toContain(mergedId);
    expect(listed).not.toContain(a.id);
    expect(listed).toContain(other.id);
    expect(await exists(secret.id)).toBe(true);
    const [secretRow] = await db.select().from(memories).where(eq(memories.id, secret.id));
    expect(secretRow.compressedInto).toBeNull();

    expect(await undoRun(db, admin, run.batchId)).toEqual({ restored: 3, removed: 1 });
    expect(await exists(mergedId)).toBe(false);
    const back = (await listMemories(db, admin, { limit: 100 })).memories.map((m) => m.id);
    expect(back).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
  });

  it("merges the keyword index into one segment, and keyword search finds the same memories", async () => {
    for (let i = 0; i < 12; i++) await createMemory(db, admin, { content: `合并测试笔记 merge check ${i}`, privacy: "workspace" });
    const segments = async () => (await db.all<{ n: number }>(sql`SELECT count(DISTINCT segid) AS n FROM memories_fts_idx`))[0].n;
    const search = async () =>
      (await searchMemories(db, admin, { query: "合并测试笔记", k: 20, mode: "keyword" }, { cache: false })).hits
        .map((h) => h.memory.id)
        .sort();
    const before = await search();
    expect(await segments()).toBeGreaterThan(1);
    const { steps } = await mergeKeywordIndex(db);
    expect(steps).toBeGreaterThan(1);
    expect(await segments()).toBe(1);
    expect(await search()).toEqual(before);
    expect(before).toHaveLength(12);
    expect((await mergeKeywordIndex(db)).steps).toBe(1);
  });

  it("reports stats and patterns the caller can see", async () => {
    await createMemory(db, admin, {
      content: "Audience: office workers 25-35",
      tags: ["audience", "persona"],
      privacy: "workspace",
      category: "audience",
    });
    await createMemory(db, admin, { content: "Persona note", tags: ["audience", "persona"], category: "audience" });
    const stats = await memoryStats(db, admin, "Asia/Shanghai");
    const own = (
      await db.all<{ n: number }>(
        sql`SELECT count(*) AS n FROM memories WHERE compressed_into IS NULL AND (owner_id = ${admin.userId} OR privacy = 'workspace')`,
      )
    )[0].n;
    expect(stats.total).toBe(own);
    expect(stats.byCategory.find((c) => c.category === "audience")?.count).toBe(2);
    expect(stats.topTags.find((t) => t.tag === "audience")?.count).toBe(2);
    expect(stats.growth.reduce((s, g) => s + g.count, 0)).toBe(own);
    expect(stats.storageBytes).toBeGreaterThan(own * 384 * 4);
    const patterns = await memoryPatterns(db, admin, "Asia/Shanghai");
    expect(patterns.tagPairs[0]).toEqual({ a: "audience", b: "persona", count: 2 });
    expect(patterns.byHour.reduce((s, h) => s + h.count, 0)).toBe(own);
    expect(patterns.clusters[0]?.size).toBe(3);

    await createMemory(db, admin, { content: "one more", tags: ["audience"] });
    expect((await memoryStats(db, admin, "Asia/Shanghai")).total).toBe(own + 1);
  });
});
