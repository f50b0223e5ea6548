/**
 * The review workflow: draft -> in_review -> approved | changes_requested (-> in_review again).
 * Scheduling and publishing move approved drafts on later (another module). Every step is a
 * conditional update, so two approvers clicking at once cannot both win, and each step writes
 * its comment, notifications and audit event in the same transaction.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { draftComments, drafts, type DraftStatus } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { notify, usersWithPermission } from "@/lib/notifications/notifications";
import { getDraft, type DraftView } from "./get-draft";

export type WorkflowStep = "submit" | "approve" | "request_changes";
type Transition = {
  from: DraftStatus[];
  to: DraftStatus;
  permission: Permission;
  commentKind: "submitted" | "approved" | "changes_requested";
  commentRequired: boolean;
};

export const transitions: Record<WorkflowStep, Transition> = {
  submit: {
    from: ["draft", "changes_requested"],
    to: "in_review",
    permission: "drafts.submit",
    commentKind: "submitted",
    commentRequired: false,
  },
  approve: { from: ["in_review"], to: "approved", permission: "drafts.approve", commentKind: "approved", commentRequired: false },
  request_changes: {
    from: ["in_review"],
    to: "changes_requested",
    permission: "drafts.approve",
    commentKind: "changes_requested",
    commentRequired: true,
  },
};

export const workflowInputSchema = z.object({ comment: z.string().trim().max(2000).default("") }).strict();

async function recipients(tx: DbOrTx, ctx: WorkspaceContext, step: WorkflowStep, draft: DraftView): Promise<string[]> {
  const ids =
    step === "submit"
      ? await usersWithPermission(tx, ctx.workspaceId, "drafts.approve")
      : [draft.authorId, draft.lastEditorId ?? draft.authorId];
  return ids.filter((id) => id !== ctx.userId);
}

export async function advanceDraft(
  db: Db,
  ctx: WorkspaceContext,
  draftId: string,
  step: WorkflowStep,
  raw: z.input<typeof workflowInputSchema> = {},
): Promise<DraftView> {
  const { comment } = workflowInputSchema.parse(raw);
  const t = transitions[step];
  if (!ctx.permissions.has(t.permission)) throw new AppError("FORBIDDEN");
  if (t.commentRequired && !comment) throw new AppError("VALIDATION_FAILED", { fieldErrors: { comment: ["required"] } });
  await db.transaction(async (tx) => {
    const draft = await getDraft(tx, ctx, draftId);
    if (!t.from.includes(draft.status)) throw new AppError("INVALID_TRANSITION", { details: { status: draft.status } });
    const moved = await tx
      .update(drafts)
      .set({ status: t.to, updatedAt: new Date() })
      .where(and(eq(drafts.id, draftId), eq(drafts.status, draft.status)))
      .returning({ id: drafts.id });
    if (!moved.length) throw new AppError("INVALID_TRANSITION");
    await tx.insert(draftComments).values({ id: newId("cmt"), draftId, authorId: ctx.userId, kind: t.commentKind, body: comment });
    await notify(tx, ctx.workspaceId, await recipients(tx, ctx, step, draft), `draft.${step}`, {
      draftId,
      title: draft.title,
      by: ctx.userName,
      comment,
    });
    await recordAudit(tx, ctx, {
      action: `draft.${step}`,
      targetType: "draft",
      targetId: draftId,
      before: { status: draft.status },
      after: { status: t.to },
    });
  });
  return getDraft(db, ctx, draftId);
}
