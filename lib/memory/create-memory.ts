/** Creates a memory: validates, embeds, sets the short-term expiry from the owner's config, records history. */
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { assertMemoryAccount } from "./assert-memory-account";
import type { MemoryActor } from "./memory-access";
import { invalidateMemoryReads } from "./memory-cache";
import { loadMemoryConfig } from "./memory-config";
import { createMemorySchema, type CreateMemoryInput } from "./memory-schemas";
import { toMemoryView, toSnapshot, type MemoryView } from "./memory-view";
import { memoryColumns } from "./memory-view";
import { recordMemoryHistory } from "./record-memory-history";
import { activeSpace, assertStillActive, embedIn } from "./vectors/active-space";
import { builtinColumnValue, storeExternalVector } from "./vectors/vector-store";
import { searchColumns } from "./search/search-columns";

export const memoryIdPrefix = "mry";

export function embeddingText(m: { content: string; tags: string[]; category?: string | null }): string {
  return [m.content, m.category ?? "", ...m.tags].join(" ");
}

export async function createMemory(db: Db, actor: MemoryActor, raw: CreateMemoryInput): Promise<MemoryView> {
  const input = createMemorySchema.parse(raw);
  const tags = [...new Set(input.tags)];
  if (input.accountId) await assertMemoryAccount(db, actor, input.accountId);
  const active = await activeSpace(db, actor.workspaceId);
  const vector = await embedIn(active, embeddingText({ ...input, tags }));
  const row = await db.transaction(async (tx) => {
    await assertStillActive(tx, actor.workspaceId, active);
    const config = await loadMemoryConfig(tx, actor.workspaceId, actor.userId);
    const now = Date.now();
    const [created] = await tx
      .insert(memories)
      .values({
        id: newId(memoryIdPrefix),
        workspaceId: actor.workspaceId,
        ownerId: actor.userId,
        type: input.type,
        content: input.content,
        category: input.category ?? null,
        tags,
        metadata: input.metadata,
        importance: input.importance,
        embedding: builtinColumnValue(active.space, vector),
        ...searchColumns({ ...input, tags }),
        source: input.source,
        privacy: input.privacy ?? config.defaultPrivacy,
        accountId: input.accountId ?? null,
        agentId: input.agentId ?? null,
        runId: input.runId ?? null,
        expiresAt: input.type === "short_term" ? new Date(now + config.shortTermRetentionDays * 86_400_000) : null,
      })
      .returning(memoryColumns);
    await storeExternalVector(tx, active.space, created, vector);
    await recordMemoryHistory(tx, {
      workspaceId: actor.workspaceId,
      memoryId: created.id,
      actorId: actor.userId,
      action: "create",
      next: toSnapshot(created),
    });
    await recordAudit(tx, actor, {
      action: "memories.create",
      targetType: "memory",
      targetId: created.id,
      after: { type: created.type, privacy: created.privacy },
    });
    return created;
  });
  await invalidateMemoryReads(actor.workspaceId);
  return toMemoryView(row);
}
