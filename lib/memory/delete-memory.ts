/** Deletes a memory (always by its key: a bare DELETE would leave stale rowids in the vector index). */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCanChange, findVisibleMemory, type MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { toSnapshot } from "./memory-view";
import { recordMemoryHistory } from "./record-memory-history";

export async function deleteMemory(db: Db, actor: MemoryActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findVisibleMemory(tx, actor, id);
    assertCanChange(actor, before);
    await tx.delete(memories).where(eq(memories.seq, before.seq));
    await recordMemoryHistory(tx, {
      workspaceId: actor.workspaceId,
      memoryId: id,
      actorId: actor.userId,
      action: "delete",
      previous: toSnapshot(before),
    });
    await recordAudit(tx, actor, { action: "memories.delete", targetType: "memory", targetId: id, before: { type: before.type } });
  });
  await invalidateMemoryReads(actor.workspaceId);
}
