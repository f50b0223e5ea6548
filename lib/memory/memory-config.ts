/** Each user's memory settings in a workspace: defaults until they save their own. */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { userMemoryConfigs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { cachedMemoryRead, invalidateMemoryReads } from "./memory-cache";
import type { MemoryActor } from "./memory-access";
import { memoryConfigSchema, updateMemoryConfigSchema, type MemoryConfig } from "./memory-schemas";
import type { z } from "zod";

export const defaultMemoryConfig: MemoryConfig = {
  /**
   * 30 days, not 7: a content team plans by the month (the monthly calendar, a campaign prepared
   * weeks ahead, the month-end review), and a note taken at one planning meeting is needed at the
   * next, often more than a week later; 7 days deleted it first. Cleanup also keeps anything
   * created, edited or used within this window (cleanup-candidates.ts), so the 30 days count from
   * the last use. A saved setting is a stored row and keeps its value; owners on the default get
   * 30 days for their existing memories too (cleanup never deletes before a memory's own expiry).
   */
  shortTermRetentionDays: 30,
  longTermThreshold: 0.7,
  promoteAfterAccesses: 5,
  autoCleanup: true,
  autoCompress: true,
  compressionThreshold: 0.85,
  defaultPrivacy: "private",
};

export async function loadMemoryConfig(db: DbOrTx, workspaceId: string, userId: string): Promise<MemoryConfig> {
  const [row] = await db
    .select()
    .from(userMemoryConfigs)
    .where(and(eq(userMemoryConfigs.workspaceId, workspaceId), eq(userMemoryConfigs.userId, userId)))
    .limit(1);
  if (!row) return { ...defaultMemoryConfig };
  const { workspaceId: _w, userId: _u, updatedAt: _t, ...config } = row;
  return config;
}

export async function getMemoryConfig(db: DbOrTx, actor: Pick<MemoryActor, "workspaceId" | "userId">): Promise<MemoryConfig> {
  return cachedMemoryRead(actor.workspaceId, ["config", actor.userId], 300, () => loadMemoryConfig(db, actor.workspaceId, actor.userId));
}

export async function updateMemoryConfig(
  db: Db,
  actor: MemoryActor,
  patch: z.input<typeof updateMemoryConfigSchema>,
): Promise<MemoryConfig> {
  const changes = updateMemoryConfigSchema.parse(patch);
  const next = await db.transaction(async (tx) => {
    const before = await loadMemoryConfig(tx, actor.workspaceId, actor.userId);
    const merged = memoryConfigSchema.parse({ ...before, ...changes });
    await tx
      .insert(userMemoryConfigs)
      .values({ workspaceId: actor.workspaceId, userId: actor.userId, ...merged })
      .onConflictDoUpdate({ target: [userMemoryConfigs.workspaceId, userMemoryConfigs.userId], set: { ...merged, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "memories.config.update",
      targetType: "memory_config",
      targetId: actor.userId,
      before,
      after: merged,
    });
    return merged;
  });
  await invalidateMemoryReads(actor.workspaceId);
  return next;
}
