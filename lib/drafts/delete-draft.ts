/**
 * Deletes a draft and everything that hangs off it (targets, revisions, comments; the search
 * index follows by trigger) in one transaction. Scheduled and published drafts are kept: their
 * history belongs to the publishing record.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { draftComments, draftRevisions, drafts, draftTargets } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { getDraft } from "./get-draft";

export async function deleteDraft(db: Db, ctx: WorkspaceContext, draftId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const draft = await getDraft(tx, ctx, draftId);
    if (draft.status === "scheduled" || draft.status === "published") throw new AppError("DRAFT_LOCKED");
    await tx.delete(draftTargets).where(eq(draftTargets.draftId, draftId));
    await tx.delete(draftRevisions).where(eq(draftRevisions.draftId, draftId));
    await tx.delete(draftComments).where(eq(draftComments.draftId, draftId));
    await tx.delete(drafts).where(eq(drafts.id, draftId));
    await recordAudit(tx, ctx, {
      action: "draft.delete",
      targetType: "draft",
      targetId: draftId,
      before: { title: draft.title, status: draft.status, version: draft.version },
    });
  });
}
