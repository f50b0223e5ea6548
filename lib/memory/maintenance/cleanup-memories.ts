/**
 * Cleanup: first promotes what has earned it (so nothing worth keeping expires), then deletes the
 * removable short-term memories of each owner in scope (cleanup-candidates.ts: expired, and not
 * created, edited or used within the owner's retention), one history row each under one batch id
 * so the run can be undone. Long-term memories and hidden compression members are never touched.
 *
 * A dry run is the preview: a page of exactly what the run would delete, with the total and the
 * cut-off `asOf`. A run given that `asOf` uses the same cut-off, so it deletes the previewed set
 * (less anything used, edited or deleted since), never something that expired after the preview.
 * The shared filters (an account, agent, run, tags, `filter`…) narrow both steps.
 *
 * Both steps go a page at a time, each page one short transaction, with a turn of the event loop
 * between pages (time-slice.ts): deleting 10,000 memories in one transaction held the serialized
 * database, and the event loop, for the whole run. A run that stops half way has deleted whole
 * pages only, each with its history rows, so undo takes back exactly what it removed.
 */
import { asc, count, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { createTimeSlice, type TimeSlice } from "@/lib/background/time-slice";
import { newId } from "@/lib/ids/new-id";
import { memoryFilterConditions, type MemoryFilters } from "../filters/compile-memory-filter";
import { filtersOf } from "../filters/memory-filter-schema";
import { filtersForAudit } from "../filters/print-filter";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { memoryColumns, toSnapshot } from "../memory-view";
import { promoteEligible } from "../promote-memories";
import { recordMemoryHistory } from "../record-memory-history";
import { cutOff, listRemovable, removableWhere, type CleanupPreview } from "./cleanup-candidates";
import { withMemoryRun } from "./memory-run";
import { ownersInScope, type RunScope } from "./owners-in-scope";

export type CleanupResult = {
  batchId: string;
  promoted: number;
  removed: number;
  dryRun: boolean;
  /** The cut-off the run used (ISO). */
  asOf: string;
  /** Dry run only: the first page of what a run at `asOf` deletes. */
  preview?: CleanupPreview;
};

export type CleanupOptions = {
  scope: RunScope;
  dryRun?: boolean;
  /** The preview's cut-off: the run deletes nothing that expired after it (clamped to now). */
  asOf?: Date;
  /** Preview page size and cursor. */
  limit?: number;
  cursor?: string;
  scheduled?: boolean;
  now?: Date;
  slice?: TimeSlice;
};

/** Rows per transaction: a page of deletes with their history rows takes a few milliseconds. */
export const cleanupPageSize = 200;
export const defaultPreviewLimit = 100;

export async function cleanupMemories(db: Db, actor: MemoryActor, options: CleanupOptions & MemoryFilters): Promise<CleanupResult> {
  const batchId = newId("run");
  const asOf = cutOff(options.now ?? new Date(), options.asOf);
  const owners = await ownersInScope(db, actor, options.scope, options.scheduled ? "autoCleanup" : undefined);
  const filters = filtersOf(options);
  const narrowed = memoryFilterConditions(actor, filters);
  if (options.dryRun) {
    const page = { asOf, limit: options.limit ?? defaultPreviewLimit, cursor: options.cursor };
    const preview = await listRemovable(db, actor, owners, page, narrowed);
    return { batchId, dryRun: true, asOf: preview.asOf, promoted: preview.promote, removed: preview.total, preview };
  }
  const done = { batchId, dryRun: false, asOf: asOf.toISOString() };
  if (owners.length === 0) return { ...done, promoted: 0, removed: 0 };
  const ownerIds = owners.map((o) => o.ownerId);
  const slice = options.slice ?? createTimeSlice();
  const where = removableWhere(actor.workspaceId, owners, asOf, narrowed);

  return withMemoryRun(db, actor, { id: batchId, kind: "cleanup", phase: "promote" }, async (run) => {
    let promoted = 0;
    for (let page = cleanupPageSize; page >= cleanupPageSize; ) {
      page = await db.transaction((tx) => promoteEligible(tx, actor.workspaceId, ownerIds, actor.userId, null, cleanupPageSize, narrowed));
      promoted += page;
      await slice.yieldNow();
    }
    const [{ n: total }] = await db.select({ n: count() }).from(memories).where(where);
    if (total === 0) {
      if (promoted) await invalidateMemoryReads(actor.workspaceId);
      return { ...done, promoted, removed: 0 };
    }

    let removed = 0;
    try {
      for (let page = cleanupPageSize; page >= cleanupPageSize; ) {
        await run.progress("delete", removed, total);
        page = await db.transaction(async (tx) => {
          const expired = await tx.select(memoryColumns).from(memories).where(where).orderBy(asc(memories.seq)).limit(cleanupPageSize);
          if (expired.length === 0) return 0;
          await tx.delete(memories).where(
            inArray(
              memories.seq,
              expired.map((m) => m.seq),
            ),
          );
          for (const m of expired) {
            await recordMemoryHistory(tx, {
              workspaceId: actor.workspaceId,
              memoryId: m.id,
              actorId: actor.userId,
              action: "cleanup",
              previous: toSnapshot(m),
              batchId,
            });
          }
          return expired.length;
        });
        removed += page;
        await slice.yieldNow();
      }
    } finally {
      if (removed || promoted)
        await recordAudit(db, actor, {
          action: "memories.cleanup",
          targetType: "memory_run",
          targetId: batchId,
          after: { scope: options.scope, promoted, removed, asOf: done.asOf, ...filtersForAudit(filters) },
        });
      if (removed || promoted) await invalidateMemoryReads(actor.workspaceId);
    }
    return { ...done, promoted, removed };
  });
}
