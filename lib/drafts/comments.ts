/** Comments on a draft (the review conversation, including the notes left with each workflow step). */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { draftComments, users } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { notify } from "@/lib/notifications/notifications";
import { getDraft } from "./get-draft";

export const commentInputSchema = z.object({ body: z.string().trim().min(1).max(2000) }).strict();

export async function listComments(db: DbOrTx, scope: AccountScope, draftId: string) {
  await getDraft(db, scope, draftId);
  return db
    .select({
      id: draftComments.id,
      kind: draftComments.kind,
      body: draftComments.body,
      authorId: draftComments.authorId,
      authorName: users.name,
      createdAt: draftComments.createdAt,
    })
    .from(draftComments)
    .innerJoin(users, eq(users.id, draftComments.authorId))
    .where(eq(draftComments.draftId, draftId))
    .orderBy(asc(draftComments.createdAt));
}

export async function addComment(db: Db, ctx: WorkspaceContext, draftId: string, raw: z.input<typeof commentInputSchema>) {
  const { body } = commentInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const draft = await getDraft(tx, ctx, draftId);
    const id = newId("cmt");
    await tx.insert(draftComments).values({ id, draftId, authorId: ctx.userId, body });
    const others = [draft.authorId].filter((u) => u !== ctx.userId);
    await notify(tx, ctx.workspaceId, others, "draft.comment", { draftId, title: draft.title, by: ctx.userName, comment: body });
    await recordAudit(tx, ctx, { action: "draft.comment", targetType: "draft", targetId: draftId, after: { commentId: id } });
    return { id };
  });
}
