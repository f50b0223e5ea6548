/** A memory and its lineage (what it was merged into, what was merged into it), for its detail view and GET /memories/{id}; its versions: history/list-memory-history.ts. */
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { getMemory } from "./get-memory";
import { findVisibleMemory, visibleTo, type MemoryActor } from "./memory-access";
import { memoryColumns, toMemoryView, type MemoryView } from "./memory-view";

export type MergeLinks = { mergedFrom: MemoryView[]; mergedInto: MemoryView | null };

/** The members a compression merged into this memory (oldest first), and the merged memory this one went into. */
export async function mergeLinks(
  db: DbOrTx,
  actor: MemoryActor,
  memory: { id: string; compressedInto: string | null },
): Promise<MergeLinks> {
  const mergedFrom = await db
    .select(memoryColumns)
    .from(memories)
    .where(and(eq(memories.compressedInto, memory.id), visibleTo(actor, { includeCompressed: true })))
    .orderBy(asc(memories.createdAt), asc(memories.seq));
  const mergedInto = memory.compressedInto ? await findVisibleMemory(db, actor, memory.compressedInto).catch(() => null) : null;
  return { mergedFrom: mergedFrom.map(toMemoryView), mergedInto: mergedInto ? toMemoryView(mergedInto) : null };
}

/** GET /memories/{id}: the memory (counting the access) with its lineage. */
export async function getMemoryWithLineage(db: Db, actor: MemoryActor, id: string): Promise<{ memory: MemoryView } & MergeLinks> {
  const memory = await getMemory(db, actor, id);
  return { memory, ...(await mergeLinks(db, actor, memory)) };
}

export async function memoryLineage(db: DbOrTx, actor: MemoryActor, id: string) {
  const memory = await findVisibleMemory(db, actor, id, { includeCompressed: true });
  return { memory: toMemoryView(memory), ...(await mergeLinks(db, actor, memory)) };
}
