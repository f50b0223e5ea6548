/**
 * Memories the caller retrieved and used (a search with `countAccess: true`): each visible one
 * counts an access (access_count + 1, last_accessed_at = now, which keeps it from cleanup for the
 * owner's retention), and one that has now earned it is promoted under its owner's config, as a
 * GET does. Context retrieval counts its chosen memories itself (countAccesses).
 *
 * Takes the ranked rows' seqs (what a search has right after ranking) or memory ids. Call it with
 * the database, not inside a transaction: it commits its own, then bumps the read-cache generation.
 * A search that counts is therefore never answered from the cache (its own bump retires the entry
 * it stores), so every counted search counts.
 */
import { and, inArray, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { countAccesses } from "./get-memory";
import { visibleTo, type MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { loadMemoryConfig } from "./memory-config";
import type { MemoryConfig } from "./memory-schemas";
import { promoteMemory, shouldPromote } from "./promote-memories";

export async function recordUse(
  db: DbOrTx,
  actor: MemoryActor,
  used: { seqs?: number[]; ids?: string[] },
): Promise<{ counted: number; promoted: number }> {
  const which: SQL[] = [];
  if (used.seqs?.length) which.push(inArray(memories.seq, used.seqs));
  if (used.ids?.length) which.push(inArray(memories.id, used.ids));
  if (which.length === 0) return { counted: 0, promoted: 0 };
  const result = await db.transaction(async (tx) => {
    const visible = await tx
      .select({ seq: memories.seq })
      .from(memories)
      .where(and(visibleTo(actor), or(...which)));
    const touched = await countAccesses(
      tx,
      visible.map((v) => v.seq),
    );
    const configs = new Map<string, MemoryConfig>();
    let promoted = 0;
    for (const row of touched) {
      const config = configs.get(row.ownerId) ?? (await loadMemoryConfig(tx, row.workspaceId, row.ownerId));
      configs.set(row.ownerId, config);
      if (shouldPromote(row, config)) {
        await promoteMemory(tx, row, actor.userId);
        promoted++;
      }
    }
    return { counted: touched.length, promoted };
  });
  if (result.counted) await invalidateMemoryReads(actor.workspaceId);
  return result;
}
