/**
 * Cleanup: first promotes what has earned it (so nothing worth keeping expires), then deletes the
 * expired short-term memories of each owner in scope, one history row each under one batch id so
 * the run can be undone. Long-term memories and hidden compression members are never touched.
 */
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { memoryColumns, toSnapshot } from "../memory-view";
import { promoteEligible } from "../promote-memories";
import { recordMemoryHistory } from "../record-memory-history";
import { ownersInScope, type RunScope } from "./owners-in-scope";

export type CleanupResult = { batchId: string; promoted: number; removed: number; dryRun: boolean };

export async function cleanupMemories(db: Db, actor: MemoryActor, options: { scope: RunScope; dryRun?: boolean; scheduled?: boolean; now?: Date }): Promise<CleanupResult> {
  const batchId = newId("run");
  const now = options.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const owners = await ownersInScope(tx, actor, options.scope, options.scheduled ? "autoCleanup" : undefined);
    const ownerIds = owners.map((o) => o.ownerId);
    if (ownerIds.length === 0) return { promoted: 0, removed: 0 };
    const promoted = options.dryRun ? 0 : await promoteEligible(tx, actor.workspaceId, ownerIds, actor.userId, null);
    const expired = await tx
      .select(memoryColumns)
      .from(memories)
      .where(
        and(
          eq(memories.workspaceId, actor.workspaceId),
          inArray(memories.ownerId, ownerIds),
          eq(memories.type, "short_term"),
          isNull(memories.compressedInto),
          lt(memories.expiresAt, now),
        ),
      );
    if (options.dryRun || expired.length === 0) return { promoted, removed: expired.length };
    for (let i = 0; i < expired.length; i += 500) {
      await tx.delete(memories).where(inArray(memories.seq, expired.slice(i, i + 500).map((m) => m.seq)));
    }
    for (const m of expired) {
      await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: m.id, actorId: actor.userId, action: "cleanup", previous: toSnapshot(m), batchId });
    }
    await recordAudit(tx, actor, { action: "memories.cleanup", targetType: "memory_run", targetId: batchId, after: { scope: options.scope, promoted, removed: expired.length } });
    return { promoted, removed: expired.length };
  });
  if (!options.dryRun) await invalidateMemoryReads(actor.workspaceId);
  return { batchId, dryRun: Boolean(options.dryRun), ...result };
}
