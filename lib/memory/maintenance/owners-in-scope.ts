/** Whose memories a cleanup/compress run touches: the caller's, or (memories.manage) every owner's. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { MemoryActor } from "../memory-access";
import { loadMemoryConfig } from "../memory-config";
import type { MemoryConfig } from "../memory-schemas";

export type RunScope = "mine" | "workspace";

export async function ownersInScope(
  db: DbOrTx,
  actor: MemoryActor,
  scope: RunScope,
  onlyWith?: keyof Pick<MemoryConfig, "autoCleanup" | "autoCompress">,
): Promise<{ ownerId: string; config: MemoryConfig }[]> {
  if (scope === "workspace" && !actor.canManage) throw new AppError("FORBIDDEN");
  const ownerIds =
    scope === "mine"
      ? [actor.userId]
      : (await db.selectDistinct({ ownerId: memories.ownerId }).from(memories).where(eq(memories.workspaceId, actor.workspaceId))).map(
          (r) => r.ownerId,
        );
  const out: { ownerId: string; config: MemoryConfig }[] = [];
  for (const ownerId of ownerIds) {
    const config = await loadMemoryConfig(db, actor.workspaceId, ownerId);
    if (!onlyWith || config[onlyWith]) out.push({ ownerId, config });
  }
  return out;
}
