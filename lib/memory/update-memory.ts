/** Edits a memory (through the one write path, lib/memory/write-memory.ts). */
import type { Db } from "@/db/client";
import type { MemoryActor } from "./memory-access";
import { updateMemorySchema, type UpdateMemoryInput } from "./memory-schemas";
import type { MemoryView } from "./memory-view";
import { writeMemory } from "./write-memory";

export async function updateMemory(db: Db, actor: MemoryActor, id: string, raw: UpdateMemoryInput): Promise<MemoryView> {
  const changes = updateMemorySchema.parse(raw);
  return writeMemory(db, actor, id, () => ({
    changes,
    history: "update",
    audit: { action: "memories.update", before: { fields: Object.keys(changes) } },
  }));
}
