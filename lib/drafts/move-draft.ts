/**
 * Moves a draft into a folder (drag and drop in the list). Not a content change: the version
 * stays, so an editor open on the draft keeps saving without a conflict.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { drafts } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertFolder } from "./create-draft";
import { getDraft } from "./get-draft";

export const moveDraftSchema = z.object({ folderId: z.string().max(64).nullable() }).strict();

export async function moveDraft(db: Db, ctx: WorkspaceContext, draftId: string, raw: z.input<typeof moveDraftSchema>): Promise<void> {
  const { folderId } = moveDraftSchema.parse(raw);
  await db.transaction(async (tx) => {
    const draft = await getDraft(tx, ctx, draftId);
    await assertFolder(tx, ctx.workspaceId, folderId);
    await tx.update(drafts).set({ folderId }).where(eq(drafts.id, draftId));
    await recordAudit(tx, ctx, {
      action: "draft.move",
      targetType: "draft",
      targetId: draftId,
      before: { folderId: draft.folderId },
      after: { folderId },
    });
  });
}
