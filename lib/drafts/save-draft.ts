/**
 * Saves a draft with optimistic concurrency: the save names the version it started from, and a
 * save against anything newer is refused with DRAFT_CONFLICT carrying the server's copy, so the
 * editor can show mine vs theirs. Nothing is overwritten silently and nothing is half-saved.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, type DraftStatus } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { assertFolder } from "./create-draft";
import { saveDraftSchema, type SaveDraftInput } from "./draft-input";
import { replaceTargets, resolveTargets } from "./draft-scope";
import { getDraft, type DraftView } from "./get-draft";
import { getNoteSettings } from "./note-settings-store";
import { prepareContent } from "./prepare-content";
import { recordRevision } from "./record-revision";

const lockedStatuses: DraftStatus[] = ["scheduled", "published"];

export function conflictError(current: DraftView): AppError {
  return new AppError("DRAFT_CONFLICT", { details: { current } });
}

export async function saveDraft(db: Db, ctx: WorkspaceContext, draftId: string, raw: SaveDraftInput): Promise<DraftView> {
  const input = saveDraftSchema.parse(raw);
  return db.transaction(async (tx) => {
    const current = await getDraft(tx, ctx, draftId);
    if (current.version !== input.baseVersion) throw conflictError(current);
    if (lockedStatuses.includes(current.status)) throw new AppError("DRAFT_LOCKED");

    const settings = await getNoteSettings(tx, ctx.workspaceId);
    const content = prepareContent(input.title ?? current.title, input.doc ?? current.doc, settings);
    const contentChanged = content.title !== current.title || JSON.stringify(content.doc) !== JSON.stringify(current.doc);
    if (input.folderId !== undefined) await assertFolder(tx, ctx.workspaceId, input.folderId);
    const targets = input.accountIds ? await resolveTargets(tx, ctx, input.accountIds, current.accountIds) : null;
    // An approval covers the text and images that were approved: changing them sends the draft back to draft.
    const imagesChanged = input.images !== undefined && JSON.stringify(input.images) !== JSON.stringify(current.images);
    const status: DraftStatus = (contentChanged || imagesChanged) && current.status === "approved" ? "draft" : current.status;
    const version = current.version + 1;

    const changes = {
      ...content,
      status,
      version,
      lastEditorId: ctx.userId,
      folderId: input.folderId !== undefined ? input.folderId : current.folderId,
      tags: input.tags ?? current.tags,
      images: input.images ?? current.images,
      updatedAt: new Date(),
    };
    const updated = await tx
      .update(drafts)
      .set(changes)
      .where(and(eq(drafts.id, draftId), eq(drafts.version, input.baseVersion)))
      .returning({ id: drafts.id });
    if (!updated.length) throw conflictError(await getDraft(tx, ctx, draftId));
    if (targets) await replaceTargets(tx, draftId, targets);
    if (contentChanged)
      await recordRevision(tx, draftId, ctx.userId, { version, title: content.title, doc: content.doc, plainText: content.plainText });
    await recordAudit(tx, ctx, {
      action: "draft.save",
      targetType: "draft",
      targetId: draftId,
      before: { version: current.version, status: current.status },
      after: { version, status, title: content.title, ...(targets ? { accountIds: targets } : {}) },
    });
    // Everything the save wrote is known here: no second read after the commit.
    const accountIds = targets ?? current.accountIds;
    return { ...current, ...changes, accountIds, hasTargets: accountIds.length > 0 };
  });
}
