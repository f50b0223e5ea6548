/**
 * The confirmation step before scheduling: what goes where, every check per target account;
 * errors block, warnings must each be ticked, and, when the workspace requires it, the draft
 * must be approved. Ends in "ready to schedule" (scheduling itself is another module).
 */
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { getDraft } from "./get-draft";
import { checkNote, type CheckCode } from "./note-checks";
import { getNoteSettings } from "./note-settings-store";

export const prepareScheduleSchema = z.object({ acknowledged: z.array(z.string().max(40)).max(20).default([]) }).strict();

export async function noteReview(db: DbOrTx, ctx: WorkspaceContext, draftId: string) {
  const draft = await getDraft(db, ctx, draftId);
  const settings = await getNoteSettings(db, ctx.workspaceId);
  const checks = checkNote(
    {
      title: draft.title,
      body: draft.plainText,
      topics: draft.topics,
      imageCount: draft.images.length,
      accountCount: draft.accountIds.length,
    },
    settings,
  );
  const targets = draft.accountIds.length
    ? await db
        .select({ id: accounts.id, name: accounts.name, redId: accounts.redId })
        .from(accounts)
        .where(inArray(accounts.id, draft.accountIds))
    : [];
  const needsApproval = settings.approvalRequired && draft.status !== "approved";
  return { draft, settings, checks, targets, needsApproval };
}

export async function prepareSchedule(db: DbOrTx, ctx: WorkspaceContext, draftId: string, raw: z.input<typeof prepareScheduleSchema>) {
  const { acknowledged } = prepareScheduleSchema.parse(raw);
  const review = await noteReview(db, ctx, draftId);
  const errors = review.checks.filter((c) => c.severity === "error").map((c) => c.code);
  const unticked = review.checks.filter((c) => c.severity === "warning" && !acknowledged.includes(c.code)).map((c) => c.code);
  if (errors.length || unticked.length || review.needsApproval) {
    throw new AppError("SCHEDULE_BLOCKED", { details: { errors, unticked, needsApproval: review.needsApproval } });
  }
  return {
    ready: true as const,
    targets: review.targets,
    title: review.draft.title,
    topics: review.draft.topics,
    acknowledged: acknowledged as CheckCode[],
  };
}
