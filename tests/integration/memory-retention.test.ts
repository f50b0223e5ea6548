/** Retention: cleanup keeps what was recently useful, honours explicit settings, and its preview is exactly what the run deletes. */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as cleanupRoute from "@/app/api/v1/memories/cleanup/route";
import * as runsRoute from "@/app/api/v1/memories/runs/route";
import type { Db } from "@/db/client";
import type { WorkspaceContext } from "@/lib/auth/context";
import { memories, memoryHistory } from "@/db/schema";
import { createMemory } from "@/lib/memory/create-memory";
import { getMemory } from "@/lib/memory/get-memory";
import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { defaultMemoryConfig, updateMemoryConfig } from "@/lib/memory/memory-config";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const day = 86_400_000;

describe("memory retention and the cleanup preview", () => {
  let db: Db;
  let admin: MemoryActor;
  let editor: MemoryActor;
  let editorToken = "";
  let adminCtx: WorkspaceContext;

  /** Moves a memory back in time: created (and last edited) `createdDaysAgo`, expired `expiredDaysAgo`, used `usedDaysAgo`. */
  const age = (id: string, t: { createdDaysAgo: number; expiredDaysAgo?: number; usedDaysAgo?: number; editedDaysAgo?: number }) => {
    const now = Date.now();
    const created = now - t.createdDaysAgo * day;
    return db.run(sql`UPDATE memories SET
      created_at = ${created},
      updated_at = ${t.editedDaysAgo === undefined ? created : now - t.editedDaysAgo * day},
      expires_at = ${now - (t.expiredDaysAgo ?? 1) * day},
      last_accessed_at = ${t.usedDaysAgo === undefined ? null : now - t.usedDaysAgo * day}
      WHERE id = ${id}`);
  };
  const exists = async (id: string) => (await db.select({ id: memories.id }).from(memories).where(eq(memories.id, id))).length === 1;
  const removedBy = async (batchId: string) =>
    (
      await db
        .select({ id: memoryHistory.memoryId })
        .from(memoryHistory)
        .where(and(eq(memoryHistory.batchId, batchId), eq(memoryHistory.action, "cleanup")))
    )
      .map((r) => r.id)
      .sort();

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    adminCtx = ws.admin;
    admin = actorOf(ws.admin);
    const member = await memberWithToken(db, ws.admin, "operator");
    editor = actorOf(member.ctx);
    editorToken = member.token;
  });

  it("defaults to 30 days", () => {
    expect(defaultMemoryConfig.shortTermRetentionDays).toBe(30);
  });

  it("keeps an expired memory that was used or edited within the retention, deletes one that was not", async () => {
    const usedYesterday = await createMemory(db, admin, { content: "客户说周五前要看到选题", importance: 0.2 });
    const editedYesterday = await createMemory(db, admin, { content: "封面模板改成米色", importance: 0.2 });
    const usedLongAgo = await createMemory(db, admin, { content: "旧的排期表链接", importance: 0.2 });
    const neverUsed = await createMemory(db, admin, { content: "随手记：试试竖版视频", importance: 0.2 });
    await age(usedYesterday.id, { createdDaysAgo: 90, usedDaysAgo: 1 });
    await age(editedYesterday.id, { createdDaysAgo: 90, editedDaysAgo: 1 });
    await age(usedLongAgo.id, { createdDaysAgo: 90, usedDaysAgo: 45 });
    await age(neverUsed.id, { createdDaysAgo: 90 });

    const run = await cleanupMemories(db, admin, { scope: "mine" });
    expect(await removedBy(run.batchId)).toEqual([usedLongAgo.id, neverUsed.id].sort());
    expect(await exists(usedYesterday.id)).toBe(true);
    expect(await exists(editedYesterday.id)).toBe(true);
    await undoRun(db, admin, run.batchId);
  });

  it("counts a read as use: a memory read through GET survives the cleanup that would have removed it", async () => {
    const m = await createMemory(db, editor, { content: "品牌色号 #FF5A5F", importance: 0.1 });
    await age(m.id, { createdDaysAgo: 40 });
    expect((await cleanupMemories(db, editor, { scope: "mine", dryRun: true })).preview?.items.map((i) => i.id)).toContain(m.id);
    await getMemory(db, editor, m.id);
    const run = await cleanupMemories(db, editor, { scope: "mine" });
    expect(await removedBy(run.batchId)).not.toContain(m.id);
    expect(await exists(m.id)).toBe(true);
  });

  it("honours an explicit shorter retention, and never deletes before a memory's own expiry", async () => {
    const other = actorOf((await memberWithToken(db, adminCtx, "operator", "short-retention@example.com")).ctx);
    await updateMemoryConfig(db, other, { shortTermRetentionDays: 3 });
    const short = await createMemory(db, other, { content: "三天就够的临时笔记", importance: 0.1 });
    await age(short.id, { createdDaysAgo: 5 });
    const notYet = await createMemory(db, other, { content: "还没到期的笔记", importance: 0.1 });
    await age(notYet.id, { createdDaysAgo: 5, expiredDaysAgo: -2 });
    const run = await cleanupMemories(db, other, { scope: "mine" });
    expect(await removedBy(run.batchId)).toEqual([short.id]);
    expect(await exists(notYet.id)).toBe(true);
  });

  it("previews exactly what the run deletes (ids, text, reason, total, pages), and the run at the preview's cut-off deletes that set", async () => {
    const remove: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await createMemory(db, admin, { content: `${"很长的过期笔记".repeat(20)} #${i}`, importance: 0.1 });
      await age(m.id, { createdDaysAgo: 60, ...(i % 2 ? { usedDaysAgo: 50 } : {}) });
      remove.push(m.id);
    }
    const important = await createMemory(db, admin, { content: "重要：品牌禁用词", importance: 0.9 });
    await age(important.id, { createdDaysAgo: 60 });
    const often = await createMemory(db, admin, { content: "常用：投放时段晚八点", importance: 0.1 });
    await age(often.id, { createdDaysAgo: 60 });
    await db.update(memories).set({ accessCount: 50 }).where(eq(memories.id, often.id));
    const fresh = await createMemory(db, admin, { content: "今天的笔记", importance: 0.1 });

    const first = await cleanupMemories(db, admin, { scope: "mine", dryRun: true, limit: 2 });
    const preview = first.preview!;
    expect(preview).toMatchObject({ total: 5, promote: 2 });
    expect(first).toMatchObject({ dryRun: true, removed: 5, promoted: 2 });
    expect(preview.items).toHaveLength(2);
    expect(preview.items[0].preview).toBe(Array.from("很长的过期笔记".repeat(20)).slice(0, 80).join(""));
    expect(preview.items.map((i) => i.reason)).toEqual(["never_used", "not_used_recently"]);
    const ids = preview.items.map((i) => i.id);
    for (let cursor = preview.nextCursor; cursor; ) {
      const page = (await cleanupMemories(db, admin, { scope: "mine", dryRun: true, limit: 2, cursor })).preview!;
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(ids).toEqual(remove);

    // Expires after the preview: a run at the preview's cut-off leaves it for the next cleanup.
    const later = await createMemory(db, admin, { content: "预览之后才过期", importance: 0.1 });
    await age(later.id, { createdDaysAgo: 60 });
    await db
      .update(memories)
      .set({ expiresAt: new Date(Date.parse(preview.asOf) + 1) })
      .where(eq(memories.id, later.id));

    const run = await cleanupMemories(db, admin, {
      scope: "mine",
      asOf: new Date(preview.asOf),
      now: new Date(Date.parse(preview.asOf) + 60_000),
    });
    expect(await removedBy(run.batchId)).toEqual([...remove].sort());
    expect(run).toMatchObject({ removed: 5, promoted: 2, asOf: preview.asOf });
    for (const id of [important.id, often.id, fresh.id, later.id]) expect(await exists(id)).toBe(true);
    const [promoted] = await db.select({ type: memories.type }).from(memories).where(eq(memories.id, often.id));
    expect(promoted.type).toBe("long_term");
    expect(await undoRun(db, admin, run.batchId)).toEqual({ restored: 5, removed: 0 });
  });

  it("never takes a cut-off from the future", async () => {
    const m = await createMemory(db, admin, { content: "明天才过期", importance: 0.1 });
    await age(m.id, { createdDaysAgo: 60, expiredDaysAgo: -1 });
    const preview = await cleanupMemories(db, admin, { scope: "mine", dryRun: true, asOf: new Date(Date.now() + 7 * day) });
    expect(Date.parse(preview.asOf)).toBeLessThanOrEqual(Date.now());
    expect(preview.preview?.items.map((i) => i.id)).not.toContain(m.id);
    const run = await cleanupMemories(db, admin, { scope: "mine", asOf: new Date(Date.now() + 7 * day) });
    expect(await removedBy(run.batchId)).not.toContain(m.id);
  });

  it("answers the preview over REST and validates its input", async () => {
    const m = await createMemory(db, editor, { content: "REST 预览的过期笔记", importance: 0.1 });
    await age(m.id, { createdDaysAgo: 60 });
    const post = (body: unknown) => callRoute(cleanupRoute.POST, "/api/v1/memories/cleanup", { method: "POST", token: editorToken, body });
    const dry = await post({ dryRun: true, limit: 10 });
    expect(dry.status).toBe(200);
    expect(dry.json.preview.items.map((i: { id: string }) => i.id)).toContain(m.id);
    expect(dry.json.preview.items.find((i: { id: string }) => i.id === m.id)).toMatchObject({
      preview: "REST 预览的过期笔记",
      reason: "never_used",
    });
    expect((await post({ dryRun: true, limit: 0 })).status).toBe(400);
    expect((await post({ dryRun: true, limit: 501 })).status).toBe(400);
    expect((await post({ asOf: "not a date" })).status).toBe(400);
    expect((await post({ dryRun: true, extra: 1 })).status).toBe(400);
    const run = await post({ asOf: dry.json.preview.asOf });
    expect(run.status).toBe(200);
    expect(run.json.removed).toBe(dry.json.preview.total);
    expect(await exists(m.id)).toBe(false);
    // The run's progress row is readable over REST; a preview is not a run and leaves none.
    const runs = (await callRoute(runsRoute.GET, "/api/v1/memories/runs", { token: editorToken })).json.runs as {
      id: string;
      kind: string;
    }[];
    expect(runs.find((r) => r.id === run.json.batchId)).toMatchObject({
      kind: "cleanup",
      status: "done",
      result: { removed: run.json.removed },
    });
    expect(runs.some((r) => r.id === dry.json.batchId)).toBe(false);
  });
});
