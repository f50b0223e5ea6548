/**
 * Undoes a cleanup or compress run from its history rows: cleaned-up memories come back (re-embedded,
 * same id), merged memories are removed and their members shown again. A memory edited since the
 * run is left as it is: undo never overwrites newer work.
 *
 * The history rows go a page per transaction with a turn of the event loop between pages
 * (lib/background/time-slice.ts): undoing a 10,000-memory run in one transaction held the
 * serialized database and the event loop for the whole undo. Each step is idempotent (a restored
 * memory that exists is skipped, the member update and the merged delete are conditional), so an
 * undo that stops half way leaves whole pages done.
 */
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories, memoryHistory, type MemorySnapshot } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { createTimeSlice } from "@/lib/background/time-slice";
import { AppError } from "@/lib/errors/app-error";
import { embeddingText } from "../create-memory";
import { searchColumns } from "../search/search-columns";
import { embedOne } from "../embedder";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { activeSpace, type ActiveSpace } from "../vectors/active-space";
import { fillMissingVectors } from "../vectors/fill-vectors";
import type { VectorSpace } from "../vectors/vector-space";
import { getLogger } from "@/lib/observability/logger";
import { memoryColumns, toSnapshot } from "../memory-view";
import { recordMemoryHistory } from "../record-memory-history";

const undoPageSize = 200;

export async function undoRun(db: Db, actor: MemoryActor, batchId: string): Promise<{ restored: number; removed: number }> {
  const active = await activeSpace(db, actor.workspaceId);
  const inBatch = and(eq(memoryHistory.workspaceId, actor.workspaceId), eq(memoryHistory.batchId, batchId));
  const summary = await db
    .select({ id: memoryHistory.id, action: memoryHistory.action, actorId: memoryHistory.actorId })
    .from(memoryHistory)
    .where(inBatch);
  if (!summary.some((r) => r.action === "cleanup" || r.action === "compress")) throw new AppError("NOT_FOUND");
  if (summary.some((r) => r.actorId !== actor.userId) && !actor.canManage) throw new AppError("FORBIDDEN");
  if (summary.some((r) => r.action === "restore")) throw new AppError("CONFLICT", { detail: "already undone" });
  // The restore rows this undo writes carry the same batch id: page over the run's own rows only.
  const lastId = summary.reduce((m, r) => Math.max(m, r.id), 0);
  const slice = createTimeSlice();
  let restored = 0;
  let removed = 0;
  for (let afterId = 0; ; ) {
    const page = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(memoryHistory)
        .where(and(inBatch, gt(memoryHistory.id, afterId), lte(memoryHistory.id, lastId)))
        .orderBy(asc(memoryHistory.id))
        .limit(undoPageSize);
      for (const h of rows) {
        if (h.action === "cleanup" && h.previous) restored += await restoreDeleted(tx, actor, active.space, h.previous, batchId);
        if (h.action === "compress" && !h.previous && h.next) {
          const gone = await tx
            .delete(memories)
            .where(and(eq(memories.id, h.next.id), eq(memories.workspaceId, actor.workspaceId)))
            .returning({ id: memories.id });
          removed += gone.length;
          if (gone.length)
            await recordMemoryHistory(tx, {
              workspaceId: actor.workspaceId,
              memoryId: h.next.id,
              actorId: actor.userId,
              action: "restore",
              previous: h.next,
              batchId,
            });
        }
        if (h.action === "compress" && h.previous && h.next) {
          const back = await tx
            .update(memories)
            .set({ compressedInto: null })
            .where(
              and(
                eq(memories.id, h.memoryId),
                eq(memories.workspaceId, actor.workspaceId),
                eq(memories.compressedInto, h.next.compressedInto ?? ""),
              ),
            )
            .returning(memoryColumns);
          restored += back.length;
          if (back.length)
            await recordMemoryHistory(tx, {
              workspaceId: actor.workspaceId,
              memoryId: h.memoryId,
              actorId: actor.userId,
              action: "restore",
              previous: h.next,
              next: toSnapshot(back[0]),
              batchId,
            });
        }
      }
      return rows;
    });
    if (page.length === 0) break;
    afterId = page[page.length - 1].id;
    await slice.yieldNow();
  }
  const result = { restored, removed };
  await recordAudit(db, actor, { action: "memories.undo", targetType: "memory_run", targetId: batchId, after: result });
  if (active.space.table && result.restored > 0) await embedRestored(db, active, actor.workspaceId);
  await invalidateMemoryReads(actor.workspaceId);
  return result;
}

async function restoreDeleted(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  actor: MemoryActor,
  space: VectorSpace,
  s: MemorySnapshot,
  batchId: string,
): Promise<number> {
  const exists = await tx
    .select({ id: memories.id })
    .from(memories)
    .where(inArray(memories.id, [s.id]));
  if (exists.length) return 0;
  const [row] = await tx
    .insert(memories)
    .values({
      id: s.id,
      workspaceId: actor.workspaceId,
      ownerId: s.ownerId,
      type: s.type,
      content: s.content,
      category: s.category,
      tags: s.tags,
      metadata: s.metadata,
      importance: s.importance,
      accessCount: s.accessCount,
      // The built-in embedder is local; an external provider is called after the transaction.
      embedding: space.table ? null : await embedOne(embeddingText(s)),
      ...searchColumns(s),
      source: s.source,
      privacy: s.privacy,
      compressedInto: s.compressedInto,
      accountId: s.accountId ?? null,
      agentId: s.agentId ?? null,
      runId: s.runId ?? null,
      // Restored memories get a fresh day before the next cleanup would remove them again.
      expiresAt: s.expiresAt ? new Date(Math.max(s.expiresAt, Date.now() + 86_400_000)) : null,
      createdAt: new Date(s.createdAt),
    })
    .returning(memoryColumns);
  await recordMemoryHistory(tx, {
    workspaceId: actor.workspaceId,
    memoryId: s.id,
    actorId: actor.userId,
    action: "restore",
    next: toSnapshot(row),
    batchId,
  });
  return 1;
}

/** Best effort: until embedded, restored memories are found by keyword only. */
async function embedRestored(db: Db, active: ActiveSpace, workspaceId: string) {
  try {
    while ((await fillMissingVectors(db, active, workspaceId, 64)) > 0);
  } catch (error) {
    getLogger().warn({ err: { message: (error as Error).message } }, "undo: restored memories could not be embedded yet");
  }
}
