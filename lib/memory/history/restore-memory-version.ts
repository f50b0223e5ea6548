/**
 * Restores one version of a memory: its content, category, tags, metadata, importance, type and
 * privacy become a NEW version (action restore, previous = the state before), written through the
 * one write path (re-embedded when the text changes, expiry following the type, audited), so a
 * restore can itself be undone by restoring again. The permission is an edit's: the owner, or
 * memories.manage for someone else's workspace memory.
 *
 * Refused with a code of its own: the version the memory is in now (MEMORY_VERSION_CURRENT, 409,
 * rather than a silent no-op that writes nothing), a deleted memory the caller could see
 * (MEMORY_DELETED, 409), and a member of a merge (MEMORY_MERGED, 409: undo the merge instead).
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memoryHistory } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { assertCanChange, findVisibleMemory, type MemoryActor } from "../memory-access";
import { toSnapshot, type MemoryRow, type MemoryView } from "../memory-view";
import { writeMemory } from "../write-memory";
import { memoryVersionRefSchema, type MemoryVersionRef } from "./history-schemas";
import { versionState } from "./memory-version-view";
import { changesToRestore } from "./version-changes";

export async function restoreMemoryVersion(db: Db, actor: MemoryActor, raw: MemoryVersionRef): Promise<MemoryView> {
  const ref = memoryVersionRefSchema.parse(raw);
  const memory = await findRestorable(db, actor, ref.id);
  assertCanChange(actor, memory);
  const [version] = await db
    .select({ previous: memoryHistory.previous, next: memoryHistory.next })
    .from(memoryHistory)
    .where(
      and(
        eq(memoryHistory.id, Number(ref.versionId)),
        eq(memoryHistory.memoryId, ref.id),
        eq(memoryHistory.workspaceId, actor.workspaceId),
      ),
    );
  const state = version ? versionState(version) : null;
  if (!state) throw new AppError("NOT_FOUND");
  if (memory.compressedInto) throw new AppError("MEMORY_MERGED");
  return writeMemory(db, actor, ref.id, (current) => {
    const changes = changesToRestore(toSnapshot(current), state);
    if (Object.keys(changes).length === 0) throw new AppError("MEMORY_VERSION_CURRENT");
    return {
      changes,
      history: "restore",
      audit: { action: "memories.restore", after: { versionId: Number(ref.versionId), fields: Object.keys(changes) } },
    };
  });
}

/** The memory, merged members included; a deleted one the caller could see says so instead of NOT_FOUND. */
async function findRestorable(db: DbOrTx, actor: MemoryActor, id: string): Promise<MemoryRow> {
  try {
    return await findVisibleMemory(db, actor, id, { includeCompressed: true });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND" && (await wasDeletedInSight(db, actor, id)))
      throw new AppError("MEMORY_DELETED");
    throw error;
  }
}

/** The memory's last version removed it, and what it removed was visible to the caller (so nothing leaks). */
async function wasDeletedInSight(db: DbOrTx, actor: MemoryActor, id: string): Promise<boolean> {
  const [last] = await db
    .select({ previous: memoryHistory.previous, next: memoryHistory.next })
    .from(memoryHistory)
    .where(and(eq(memoryHistory.workspaceId, actor.workspaceId), eq(memoryHistory.memoryId, id)))
    .orderBy(desc(memoryHistory.id))
    .limit(1);
  const removed = last && !last.next ? last.previous : null;
  return removed !== null && (removed.ownerId === actor.userId || removed.privacy === "workspace");
}
