/**
 * Undoes a cleanup or compress run from its history rows: cleaned-up memories come back (re-embedded,
 * same id), merged memories are removed and their members shown again. A memory edited since the
 * run is left as it is: undo never overwrites newer work.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories, memoryHistory, type MemorySnapshot } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { embeddingText } from "../create-memory";
import { embedOne } from "../embedder";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { activeSpace, type ActiveSpace } from "../vectors/active-space";
import { fillMissingVectors } from "../vectors/fill-vectors";
import type { VectorSpace } from "../vectors/vector-space";
import { getLogger } from "@/lib/observability/logger";
import { memoryColumns, toSnapshot } from "../memory-view";
import { recordMemoryHistory } from "../record-memory-history";

export async function undoRun(db: Db, actor: MemoryActor, batchId: string): Promise<{ restored: number; removed: number }> {
  const active = await activeSpace(db, actor.workspaceId);
  const result = await db.transaction(async (tx) => {
    const rows = await tx.select().from(memoryHistory).where(and(eq(memoryHistory.workspaceId, actor.workspaceId), eq(memoryHistory.batchId, batchId)));
    const live = rows.filter((r) => r.action === "cleanup" || r.action === "compress");
    if (live.length === 0) throw new AppError("NOT_FOUND");
    if (rows.some((r) => r.actorId !== actor.userId) && !actor.canManage) throw new AppError("FORBIDDEN");
    if (rows.some((r) => r.action === "restore")) throw new AppError("CONFLICT", { detail: "already undone" });
    let restored = 0;
    let removed = 0;
    for (const h of live) {
      if (h.action === "cleanup" && h.previous) restored += await restoreDeleted(tx, actor, active.space, h.previous, batchId);
      if (h.action === "compress" && !h.previous && h.next) {
        const gone = await tx.delete(memories).where(and(eq(memories.id, h.next.id), eq(memories.workspaceId, actor.workspaceId))).returning({ id: memories.id });
        removed += gone.length;
        if (gone.length) await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: h.next.id, actorId: actor.userId, action: "restore", previous: h.next, batchId });
      }
      if (h.action === "compress" && h.previous && h.next) {
        const back = await tx
          .update(memories)
          .set({ compressedInto: null })
          .where(and(eq(memories.id, h.memoryId), eq(memories.workspaceId, actor.workspaceId), eq(memories.compressedInto, h.next.compressedInto ?? "")))
          .returning(memoryColumns);
        restored += back.length;
        if (back.length) await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: h.memoryId, actorId: actor.userId, action: "restore", previous: h.next, next: toSnapshot(back[0]), batchId });
      }
    }
    await recordAudit(tx, actor, { action: "memories.undo", targetType: "memory_run", targetId: batchId, after: { restored, removed } });
    return { restored, removed };
  });
  if (active.space.table && result.restored > 0) await embedRestored(db, active, actor.workspaceId);
  await invalidateMemoryReads(actor.workspaceId);
  return result;
}

async function restoreDeleted(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], actor: MemoryActor, space: VectorSpace, s: MemorySnapshot, batchId: string): Promise<number> {
  const exists = await tx.select({ id: memories.id }).from(memories).where(inArray(memories.id, [s.id]));
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
      source: s.source,
      privacy: s.privacy,
      compressedInto: s.compressedInto,
      // Restored memories get a fresh day before the next cleanup would remove them again.
      expiresAt: s.expiresAt ? new Date(Math.max(s.expiresAt, Date.now() + 86_400_000)) : null,
      createdAt: new Date(s.createdAt),
    })
    .returning(memoryColumns);
  await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: s.id, actorId: actor.userId, action: "restore", next: toSnapshot(row), batchId });
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
