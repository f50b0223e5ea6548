/** Edits a memory: re-embeds when its text changes, adjusts expiry on a type change, records history. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { embeddingText } from "./create-memory";
import { embedOne } from "./embedder";
import { assertCanChange, findVisibleMemory, type MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { loadMemoryConfig } from "./memory-config";
import { updateMemorySchema, type UpdateMemoryInput } from "./memory-schemas";
import { memoryColumns, toMemoryView, toSnapshot, type MemoryView } from "./memory-view";
import { recordMemoryHistory } from "./record-memory-history";

export async function updateMemory(db: Db, actor: MemoryActor, id: string, raw: UpdateMemoryInput): Promise<MemoryView> {
  const input = updateMemorySchema.parse(raw);
  const row = await db.transaction(async (tx) => {
    const before = await findVisibleMemory(tx, actor, id);
    assertCanChange(actor, before);
    const tags = input.tags ? [...new Set(input.tags)] : before.tags;
    const content = input.content ?? before.content;
    const category = input.category === undefined ? before.category : input.category;
    const textChanged = content !== before.content || category !== before.category || tags.join("\u0000") !== before.tags.join("\u0000");
    const type = input.type ?? before.type;
    let expiresAt = before.expiresAt;
    if (type !== before.type) {
      const config = await loadMemoryConfig(tx, before.workspaceId, before.ownerId);
      expiresAt = type === "long_term" ? null : new Date(Date.now() + config.shortTermRetentionDays * 86_400_000);
    }
    const [after] = await tx
      .update(memories)
      .set({
        content,
        category,
        tags,
        type,
        expiresAt,
        ...(input.metadata ? { metadata: input.metadata } : {}),
        ...(input.importance !== undefined ? { importance: input.importance } : {}),
        ...(input.privacy ? { privacy: input.privacy } : {}),
        ...(textChanged ? { embedding: await embedOne(embeddingText({ content, category, tags })) } : {}),
      })
      .where(eq(memories.seq, before.seq))
      .returning(memoryColumns);
    await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: id, actorId: actor.userId, action: "update", previous: toSnapshot(before), next: toSnapshot(after) });
    await recordAudit(tx, actor, { action: "memories.update", targetType: "memory", targetId: id, before: { fields: Object.keys(input) } });
    return after;
  });
  await invalidateMemoryReads(actor.workspaceId);
  return toMemoryView(row);
}
