/**
 * The one write path for changing a memory's fields (an edit, or restoring a version): re-embeds
 * when its text changes, adjusts expiry on a type change, stores the vector, records history and
 * audit. What to change is decided from the memory as it is now (`plan`), once, before embedding.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memories, type MemoryHistoryAction } from "@/db/schema";
import { recordAudit, type AuditInput } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { embeddingText } from "./create-memory";
import { searchColumns } from "./search/search-columns";
import { assertMemoryAccount } from "./assert-memory-account";
import { assertCanChange, findVisibleMemory, type MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { loadMemoryConfig } from "./memory-config";
import type { updateMemorySchema } from "./memory-schemas";
import { memoryColumns, toMemoryView, toSnapshot, type MemoryRow, type MemoryView } from "./memory-view";
import { recordMemoryHistory } from "./record-memory-history";
import { activeSpace, assertStillActive, embedIn } from "./vectors/active-space";
import { builtinColumnValue, storeExternalVector } from "./vectors/vector-store";

/** Validated field changes (an omitted field stays as it is). */
export type MemoryChanges = ReturnType<typeof updateMemorySchema.parse>;

export type MemoryWrite = {
  changes: MemoryChanges;
  history: Extract<MemoryHistoryAction, "update" | "restore">;
  audit: Pick<AuditInput, "action" | "before" | "after">;
};

function textOf(before: MemoryRow, input: MemoryChanges) {
  const tags = input.tags ? [...new Set(input.tags)] : before.tags;
  const content = input.content ?? before.content;
  const category = input.category === undefined ? before.category : input.category;
  const changed = content !== before.content || category !== before.category || tags.join("\u0000") !== before.tags.join("\u0000");
  return { content, category, tags, changed };
}

export async function writeMemory(db: Db, actor: MemoryActor, id: string, plan: (current: MemoryRow) => MemoryWrite): Promise<MemoryView> {
  // Embed before the transaction (a provider call must not hold the database), from a first read;
  // the transaction re-reads and refuses if the memory changed in between.
  const seen = await findVisibleMemory(db, actor, id);
  assertCanChange(actor, seen);
  const { changes: input, history, audit } = plan(seen);
  if (input.accountId) await assertMemoryAccount(db, actor, input.accountId);
  const text = textOf(seen, input);
  const active = await activeSpace(db, actor.workspaceId);
  const vector = text.changed ? await embedIn(active, embeddingText(text)) : null;
  const row = await db.transaction(async (tx) => {
    const before = await findVisibleMemory(tx, actor, id);
    assertCanChange(actor, before);
    if (before.updatedAt.getTime() !== seen.updatedAt.getTime()) throw new AppError("CONFLICT");
    if (vector) await assertStillActive(tx, actor.workspaceId, active);
    const { content, category, tags } = text;
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
        ...(input.accountId !== undefined ? { accountId: input.accountId } : {}),
        ...(input.agentId !== undefined ? { agentId: input.agentId } : {}),
        ...(input.runId !== undefined ? { runId: input.runId } : {}),
        ...(vector ? { embedding: builtinColumnValue(active.space, vector) } : {}),
        ...(text.changed ? searchColumns(text) : {}),
      })
      .where(eq(memories.seq, before.seq))
      .returning(memoryColumns);
    if (vector) await storeExternalVector(tx, active.space, after, vector);
    await recordMemoryHistory(tx, {
      workspaceId: actor.workspaceId,
      memoryId: id,
      actorId: actor.userId,
      action: history,
      previous: toSnapshot(before),
      next: toSnapshot(after),
    });
    await recordAudit(tx, actor, { ...audit, targetType: "memory", targetId: id });
    return after;
  });
  await invalidateMemoryReads(actor.workspaceId);
  return toMemoryView(row);
}
