/** A memory and its lineage (what it was merged into, what was merged into it), for its detail view; its versions: history/list-memory-history.ts. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { findVisibleMemory, visibleTo, type MemoryActor } from "./memory-access";
import { memoryColumns, toMemoryView } from "./memory-view";

export async function memoryLineage(db: DbOrTx, actor: MemoryActor, id: string) {
  const memory = await findVisibleMemory(db, actor, id, { includeCompressed: true });
  const mergedFrom = await db
    .select(memoryColumns)
    .from(memories)
    .where(and(eq(memories.compressedInto, id), visibleTo(actor, { includeCompressed: true })));
  const mergedInto = memory.compressedInto ? await findVisibleMemory(db, actor, memory.compressedInto).catch(() => null) : null;
  return {
    memory: toMemoryView(memory),
    mergedFrom: mergedFrom.map(toMemoryView),
    mergedInto: mergedInto ? toMemoryView(mergedInto) : null,
  };
}
