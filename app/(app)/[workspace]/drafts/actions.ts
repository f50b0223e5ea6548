"use server";
import { revalidatePath } from "next/cache";
import { createDraft } from "@/lib/drafts/create-draft";
import { deleteDraft } from "@/lib/drafts/delete-draft";
import { createDraftSchema } from "@/lib/drafts/draft-input";
import { createFolder, deleteFolder, folderInputSchema } from "@/lib/drafts/folders";
import { moveDraft } from "@/lib/drafts/move-draft";
import { z } from "zod";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { workspaceAction } from "@/lib/next/workspace-action";
import { idSchema } from "@/lib/validation/id-schema";

export const createDraftAction = workspaceAction({ permission: "drafts.write", schema: createDraftSchema }, async ({ ctx, db, input }) => {
  const draft = await createDraft(db, ctx, input);
  return { id: draft.id };
});

export const deleteDraftAction = workspaceAction(
  { permission: "drafts.delete", schema: z.object({ id: idSchema }).strict() },
  async ({ ctx, db, input }) => {
    await deleteDraft(db, ctx, input.id);
    revalidatePath(`/${ctx.workspaceSlug}/drafts`);
    return { ok: true };
  },
);

export const createFolderAction = workspaceAction({ permission: "drafts.write", schema: folderInputSchema }, async ({ ctx, db, input }) => {
  const folder = await createFolder(db, ctx, input);
  revalidatePath(`/${ctx.workspaceSlug}/drafts`);
  return { id: folder.id };
});

export const deleteFolderAction = workspaceAction(
  { permission: "drafts.write", schema: z.object({ id: idSchema }).strict() },
  async ({ ctx, db, input }) => {
    await deleteFolder(db, ctx, input.id);
    revalidatePath(`/${ctx.workspaceSlug}/drafts`);
    return { ok: true };
  },
);

export const moveDraftAction = workspaceAction(
  { permission: "drafts.write", schema: z.object({ draftId: idSchema, folderId: z.string().max(64).nullable() }).strict() },
  async ({ ctx, db, input }) => {
    await moveDraft(db, ctx, input.draftId, { folderId: input.folderId });
    revalidatePath(`/${ctx.workspaceSlug}/drafts`);
    return { ok: true };
  },
);

/** A plain form action (no result shown): marks the caller's notifications read. */
export async function markNotificationsReadAction(workspaceSlug: string): Promise<void> {
  await workspaceAction({ permission: null, schema: z.object({}).strict() }, async ({ ctx, db }) => {
    await markNotificationsRead(db, ctx.workspaceId, ctx.userId);
    revalidatePath(`/${ctx.workspaceSlug}/drafts`);
  })(workspaceSlug, {});
}
