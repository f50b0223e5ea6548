/** Appends one row to memory_history: every create/update/delete/compress/promote/cleanup/restore. */
import type { DbOrTx } from "@/db/client";
import { memoryHistory, type MemoryHistoryAction, type MemorySnapshot } from "@/db/schema";

export async function recordMemoryHistory(
  db: DbOrTx,
  input: {
    workspaceId: string;
    memoryId: string;
    actorId: string | null;
    action: MemoryHistoryAction;
    previous?: MemorySnapshot | null;
    next?: MemorySnapshot | null;
    batchId?: string | null;
  },
): Promise<void> {
  await db.insert(memoryHistory).values({
    workspaceId: input.workspaceId,
    memoryId: input.memoryId,
    actorId: input.actorId,
    action: input.action,
    batchId: input.batchId ?? null,
    previous: input.previous ?? null,
    next: input.next ?? null,
  });
}
