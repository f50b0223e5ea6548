/** A memory's history and lineage (what it was merged into, what was merged into it), for its detail view. */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories, memoryHistory } from "@/db/schema";
import { findVisibleMemory, visibleTo, type MemoryActor } from "./memory-access";
import { memoryColumns, toMemoryView } from "./memory-view";

export async function memoryLineage(db: DbOrTx, actor: MemoryActor, id: string) {
  const memory = await findVisibleMemory(db, actor, id, { includeCompressed: true });
  const history = await db
    .select({
      id: memoryHistory.id,
      action: memoryHistory.action,
      actorId: memoryHistory.actorId,
      batchId: memoryHistory.batchId,
      previous: memoryHistory.previous,
      next: memoryHistory.next,
      createdAt: memoryHistory.createdAt,
    })
    .from(memoryHistory)
    .where(and(eq(memoryHistory.workspaceId, actor.workspaceId), eq(memoryHistory.memoryId, id)))
    .orderBy(asc(memoryHistory.id));
  const mergedFrom = await db
    .select(memoryColumns)
    .from(memories)
    .where(and(eq(memories.compressedInto, id), visibleTo(actor, { includeCompressed: true })));
  const mergedInto = memory.compressedInto ? await findVisibleMemory(db, actor, memory.compressedInto).catch(() => null) : null;
  return {
    memory: toMemoryView(memory),
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    mergedFrom: mergedFrom.map(toMemoryView),
    mergedInto: mergedInto ? toMemoryView(mergedInto) : null,
  };
}
