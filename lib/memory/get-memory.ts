/** Reads one memory for a person: counts the access, and promotes it when it has earned it. */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { findVisibleMemory, type MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { loadMemoryConfig } from "./memory-config";
import { memoryColumns, toMemoryView, type MemoryRow, type MemoryView } from "./memory-view";
import { promoteMemory, shouldPromote } from "./promote-memories";

export async function getMemory(db: Db, actor: MemoryActor, id: string): Promise<MemoryView> {
  const row = await db.transaction(async (tx) => {
    const found = await findVisibleMemory(tx, actor, id, { includeCompressed: true });
    const [touched] = await countAccesses(tx, [found.seq]);
    const config = await loadMemoryConfig(tx, found.workspaceId, found.ownerId);
    return shouldPromote(touched, config) ? promoteMemory(tx, touched, actor.userId) : touched;
  });
  await invalidateMemoryReads(actor.workspaceId);
  return toMemoryView(row);
}

/** access_count + 1 and last_accessed_at, without touching updated_at (reading is not editing). */
export async function countAccesses(tx: DbOrTx, seqs: number[]): Promise<MemoryRow[]> {
  if (seqs.length === 0) return [];
  const now = Date.now();
  await tx.run(
    sql`UPDATE memories SET access_count = access_count + 1, last_accessed_at = ${now} WHERE seq IN (${sql.join(
      seqs.map((s) => sql`${s}`),
      sql`, `,
    )})`,
  );
  const rows = await tx
    .select(memoryColumns)
    .from(memories)
    .where(
      sql`${memories.seq} IN (${sql.join(
        seqs.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)!).filter(Boolean);
}
