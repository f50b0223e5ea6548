/**
 * Long maintenance leaves the event loop free: while compress plans 600 memories and while cleanup
 * deletes the ~480 left short-term ones (pages of 200), other work keeps running —
 * event-loop turns and database reads complete before the run ends — and the runs' results and
 * progress rows are what a run without slicing produces. The slices here are 0 ms (a turn at every
 * step), so nothing depends on how fast this machine is; a control run with a slice that never
 * yields shows the same probe sees a blocked loop.
 */
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memories, memoryRuns } from "@/db/schema";
import { createTimeSlice, type TimeSlice } from "@/lib/background/time-slice";
import { newId } from "@/lib/ids/new-id";
import { cleanupMemories, cleanupPageSize } from "@/lib/memory/maintenance/cleanup-memories";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { undoRun } from "@/lib/memory/maintenance/undo-run";
import { embeddingText, memoryIdPrefix } from "@/lib/memory/create-memory";
import { getEmbedder } from "@/lib/memory/embedder";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { seededRandom } from "@/lib/random/seeded-random";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const words = [
  "封面",
  "标题",
  "口红",
  "防晒",
  "通勤",
  "探店",
  "收藏",
  "评论",
  "直播",
  "达人",
  "预算",
  "周末",
  "夜间",
  "教程",
  "测评",
  "合集",
  "新品",
  "成分",
  "敏感肌",
  "平价",
];

/** Runs `work` while a probe counts event-loop turns and completed database reads; stops the probe when the work ends. */
async function whileProbing<T>(db: Db, work: () => Promise<T>) {
  let running = true;
  let turns = 0;
  let reads = 0;
  const spin = (async () => {
    while (running) {
      await new Promise<void>((r) => setImmediate(r));
      turns++;
    }
  })();
  const reader = (async () => {
    while (running) {
      await new Promise<void>((r) => setImmediate(r));
      if (!running) break;
      await db.all(sql`SELECT count(*) AS n FROM workspaces`);
      if (running) reads++;
    }
  })();
  try {
    return { result: await work(), turns, reads };
  } finally {
    running = false;
    await Promise.all([spin, reader]);
  }
}

const neverYields: TimeSlice = { pause: async () => undefined, yieldNow: async () => undefined, turns: 0 };

describe("maintenance leaves the event loop free", () => {
  let db: Db;
  let actor: MemoryActor;

  async function seed(n: number) {
    const rand = seededRandom(7);
    const embedder = getEmbedder();
    for (let i = 0; i < n; i += 200) {
      const items = Array.from({ length: Math.min(200, n - i) }, (_, j) => {
        const k = i + j;
        // Every tenth memory repeats the one before it with a small change: something to merge.
        const base = k % 10 === 9 ? k - 1 : k;
        const r = seededRandom(base);
        const latin = Array.from({ length: 4 }, () =>
          Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join(""),
        ).join(" ");
        const content = `${words[Math.floor(r() * words.length)]}${words[Math.floor(r() * words.length)]} ${latin} 第${base}条${k !== base ? "（补充）" : ""}`;
        return { content, tags: [words[Math.floor(rand() * words.length)]] };
      });
      const vectors = await embedder.embed(items.map((m) => embeddingText(m)));
      await db.insert(memories).values(
        items.map((m, j) => ({
          id: newId(memoryIdPrefix),
          workspaceId: actor.workspaceId,
          ownerId: actor.userId,
          type: "short_term" as const,
          content: m.content,
          tags: m.tags,
          metadata: {},
          importance: 0.3,
          embedding: vectors[j],
          source: "import" as const,
          privacy: "workspace" as const,
          expiresAt: new Date(Date.now() + 7 * 86_400_000),
        })),
      );
    }
  }

  beforeAll(async () => {
    db = await migratedDb();
    actor = actorOf((await setUpWorkspace(db)).admin);
    await seed(600);
  }, 120_000);

  it("a probe that runs beside a never-yielding compress gets no turn until it ends (the control)", async () => {
    const probe = await whileProbing(db, () => compressMemories(db, actor, { scope: "mine", dryRun: true, slice: neverYields }));
    expect(probe.result.clusters).toBeGreaterThan(0);
    expect(probe.turns).toBeLessThanOrEqual(1);
    expect(probe.reads).toBe(0);
  }, 120_000);

  it("compress in slices lets turns and reads run throughout, with the same plan, and records its progress", async () => {
    const plan = await compressMemories(db, actor, { scope: "mine", dryRun: true, slice: createTimeSlice(0) });
    const probe = await whileProbing(db, () => compressMemories(db, actor, { scope: "mine", slice: createTimeSlice(0) }));
    const run = probe.result;
    // A turn at least per cluster leader (600 memories, 60 near-duplicate pairs: ~540 leaders).
    expect(probe.turns).toBeGreaterThan(400);
    expect(probe.reads).toBeGreaterThan(150);
    expect({ clusters: run.clusters, merged: run.merged }).toEqual({ clusters: plan.clusters, merged: plan.merged });
    expect(run.created).toHaveLength(run.clusters);
    const [hidden] = await db
      .select({ n: count() })
      .from(memories)
      .where(and(eq(memories.workspaceId, actor.workspaceId), sql`${memories.compressedInto} IS NOT NULL`));
    expect(hidden.n).toBe(run.merged);
    const [row] = await db.select().from(memoryRuns).where(eq(memoryRuns.id, run.batchId));
    expect(row).toMatchObject({
      kind: "compress",
      status: "done",
      actorId: actor.userId,
      result: { clusters: run.clusters, merged: run.merged },
    });
  }, 120_000);

  it("cleanup deletes page by page with turns and reads in between, and all of it comes back with undo's batch id", async () => {
    // Expired and untouched for 60 days: cleanup keeps what was created, edited or used within the retention.
    const longAgo = Date.now() - 60 * 86_400_000;
    await db
      .update(memories)
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(longAgo), updatedAt: new Date(longAgo) })
      .where(and(eq(memories.workspaceId, actor.workspaceId), eq(memories.type, "short_term"), isNull(memories.compressedInto)));
    const [expired] = await db
      .select({ n: count() })
      .from(memories)
      .where(
        and(
          eq(memories.workspaceId, actor.workspaceId),
          eq(memories.type, "short_term"),
          isNull(memories.compressedInto),
          sql`${memories.expiresAt} < ${Date.now()}`,
        ),
      );
    expect(expired.n).toBeGreaterThan(cleanupPageSize);
    const probe = await whileProbing(db, () => cleanupMemories(db, actor, { scope: "mine", slice: createTimeSlice(0) }));
    expect(probe.result.removed).toBe(expired.n);
    // A turn after every page (and after the promotion page): the reads ran between pages.
    expect(probe.reads).toBeGreaterThanOrEqual(Math.floor(expired.n / cleanupPageSize));
    const [left] = await db
      .select({ n: count() })
      .from(memories)
      .where(
        and(
          eq(memories.workspaceId, actor.workspaceId),
          sql`${memories.expiresAt} < ${Date.now()}`,
          isNull(memories.compressedInto),
          eq(memories.type, "short_term"),
        ),
      );
    expect(left.n).toBe(0);
    const [row] = await db.select().from(memoryRuns).where(eq(memoryRuns.id, probe.result.batchId));
    expect(row).toMatchObject({ kind: "cleanup", status: "done", result: { removed: expired.n } });
    expect(await undoRun(db, actor, probe.result.batchId)).toEqual({ restored: expired.n, removed: 0 });
  }, 120_000);
});
