/** Creates a draft (with its first revision) in the caller's workspace. */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { draftFolders, drafts } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { docFromText, emptyDoc } from "./doc-types";
import { createDraftSchema, type CreateDraftInput } from "./draft-input";
import { replaceTargets, resolveTargets } from "./draft-scope";
import { getDraft, type DraftView } from "./get-draft";
import { getNoteSettings } from "./note-settings-store";
import { prepareContent } from "./prepare-content";
import { recordRevision } from "./record-revision";

export async function assertFolder(db: DbOrTx, workspaceId: string, folderId: string | null | undefined): Promise<void> {
  if (!folderId) return;
  const [row] = await db
    .select({ id: draftFolders.id })
    .from(draftFolders)
    .where(and(eq(draftFolders.workspaceId, workspaceId), eq(draftFolders.id, folderId)))
    .limit(1);
  if (!row) throw new AppError("VALIDATION_FAILED", { fieldErrors: { folderId: ["unknown folder"] } });
}

/** Inside a caller's transaction (duplicate uses it too). */
export async function insertDraft(tx: DbOrTx, ctx: WorkspaceContext, raw: CreateDraftInput, audit = "draft.create"): Promise<string> {
  const input = createDraftSchema.parse(raw);
  const settings = await getNoteSettings(tx, ctx.workspaceId);
  const content = prepareContent(input.title, input.doc ?? (input.text !== undefined ? docFromText(input.text) : emptyDoc), settings);
  await assertFolder(tx, ctx.workspaceId, input.folderId);
  const targets = await resolveTargets(tx, ctx, input.accountIds);
  const id = newId("drf");
  await tx.insert(drafts).values({
    id,
    workspaceId: ctx.workspaceId,
    authorId: ctx.userId,
    lastEditorId: ctx.userId,
    folderId: input.folderId,
    tags: input.tags,
    images: input.images,
    ...content,
  });
  await replaceTargets(tx, id, targets);
  await recordRevision(tx, id, ctx.userId, { version: 1, title: content.title, doc: content.doc, plainText: content.plainText });
  await recordAudit(tx, ctx, { action: audit, targetType: "draft", targetId: id, after: { title: content.title, accountIds: targets } });
  return id;
}

export async function createDraft(db: Db, ctx: WorkspaceContext, input: CreateDraftInput): Promise<DraftView> {
  const id = await db.transaction((tx) => insertDraft(tx, ctx, input));
  return getDraft(db, ctx, id);
}
