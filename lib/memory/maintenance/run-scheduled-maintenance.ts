/**
 * The daily maintenance a scheduler triggers: for each workspace, cleanup then compression,
 * each only for the owners whose configs enable it. Acts as the system (not a member). A run
 * over every workspace ends by merging the keyword index, which all workspaces share.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import type { MemoryActor } from "../memory-access";
import { cleanupMemories, type CleanupResult } from "./cleanup-memories";
import { compressMemories, type CompressResult } from "./compress-memories";
import { mergeKeywordIndex } from "./merge-keyword-index";

export const systemActorId = "system";

export type MaintenanceSummary = { workspaceId: string; cleanup: CleanupResult; compress: CompressResult }[];

export async function runScheduledMaintenance(db: Db, options: { workspaceId?: string } = {}): Promise<MaintenanceSummary> {
  const targets = options.workspaceId
    ? await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, options.workspaceId))
    : await db.select({ id: workspaces.id }).from(workspaces);
  const out: MaintenanceSummary = [];
  for (const { id } of targets) {
    const actor: MemoryActor = { workspaceId: id, userId: systemActorId, userName: "计划维护 / scheduled maintenance", canManage: true };
    const cleanup = await cleanupMemories(db, actor, { scope: "workspace", scheduled: true });
    const compress = await compressMemories(db, actor, { scope: "workspace", scheduled: true });
    out.push({ workspaceId: id, cleanup, compress });
  }
  if (!options.workspaceId) await mergeKeywordIndex(db);
  return out;
}
