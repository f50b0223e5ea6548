/**
 * Promotion: a short-term memory becomes long-term (and stops expiring) once its importance reaches
 * the owner's threshold or it has been used often enough. Checked whenever a memory is accessed,
 * and in bulk by maintenance before cleanup, so nothing worth keeping expires.
 */
import { and, eq, gte, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { loadMemoryConfig } from "./memory-config";
import type { MemoryConfig } from "./memory-schemas";
import { memoryColumns, toSnapshot, type MemoryRow } from "./memory-view";
import { recordMemoryHistory } from "./record-memory-history";

export function shouldPromote(
  row: Pick<MemoryRow, "type" | "importance" | "accessCount">,
  config: Pick<MemoryConfig, "longTermThreshold" | "promoteAfterAccesses">,
): boolean {
  return row.type === "short_term" && (row.importance >= config.longTermThreshold || row.accessCount >= config.promoteAfterAccesses);
}

export async function promoteMemory(tx: DbOrTx, row: MemoryRow, actorId: string | null, batchId: string | null = null): Promise<MemoryRow> {
  const [next] = await tx
    .update(memories)
    .set({ type: "long_term", expiresAt: null })
    .where(eq(memories.seq, row.seq))
    .returning(memoryColumns);
  await recordMemoryHistory(tx, {
    workspaceId: row.workspaceId,
    memoryId: row.id,
    actorId,
    action: "promote",
    previous: toSnapshot(row),
    next: toSnapshot(next),
    batchId,
  });
  return next;
}

/**
 * Promotes the eligible short-term memories of these owners (their own configs), at most `limit`
 * per owner (maintenance calls it again, a transaction at a time, until fewer come back), only
 * those matching `where` when given (a run limited by filters). Returns how many.
 */
export async function promoteEligible(
  tx: DbOrTx,
  workspaceId: string,
  ownerIds: string[],
  actorId: string | null,
  batchId: string | null,
  limit = Number.MAX_SAFE_INTEGER,
  where?: SQL,
): Promise<number> {
  let promoted = 0;
  for (const ownerId of ownerIds) {
    const config = await loadMemoryConfig(tx, workspaceId, ownerId);
    const rows = await tx
      .select(memoryColumns)
      .from(memories)
      .where(
        and(
          eq(memories.workspaceId, workspaceId),
          eq(memories.ownerId, ownerId),
          eq(memories.type, "short_term"),
          isNull(memories.compressedInto),
          or(gte(memories.importance, config.longTermThreshold), gte(memories.accessCount, config.promoteAfterAccesses)),
          where,
        ),
      )
      .orderBy(memories.seq)
      .limit(limit);
    for (const row of rows) await promoteMemory(tx, row, actorId, batchId);
    promoted += rows.length;
  }
  return promoted;
}
