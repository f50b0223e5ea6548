/**
 * Nested draft folders: create, rename, move (never into itself or a descendant), delete (its
 * drafts and subfolders move up to its parent, so deleting a folder never deletes writing).
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { draftFolders, drafts, type DraftFolder } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";

export const folderInputSchema = z
  .object({ name: z.string().trim().min(1).max(60), parentId: z.string().max(64).nullable().default(null) })
  .strict();
export const renameFolderSchema = z.object({ name: z.string().trim().min(1).max(60) }).strict();
export const updateFolderSchema = z
  .object({ name: z.string().trim().min(1).max(60).optional(), parentId: z.string().max(64).nullable().optional() })
  .strict();
export const moveFolderSchema = z.object({ parentId: z.string().max(64).nullable() }).strict();

export async function listFolders(db: DbOrTx, workspaceId: string): Promise<DraftFolder[]> {
  return db.select().from(draftFolders).where(eq(draftFolders.workspaceId, workspaceId)).orderBy(asc(draftFolders.name));
}

async function folderOf(db: DbOrTx, workspaceId: string, id: string): Promise<DraftFolder> {
  const [row] = await db
    .select()
    .from(draftFolders)
    .where(and(eq(draftFolders.workspaceId, workspaceId), eq(draftFolders.id, id)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function createFolder(db: Db, ctx: WorkspaceContext, raw: z.input<typeof folderInputSchema>): Promise<DraftFolder> {
  const input = folderInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    if (input.parentId) await folderOf(tx, ctx.workspaceId, input.parentId);
    const [row] = await tx
      .insert(draftFolders)
      .values({ id: newId("fld"), workspaceId: ctx.workspaceId, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: "draft_folder.create", targetType: "draft_folder", targetId: row.id, after: input });
    return row;
  });
}

export async function renameFolder(
  db: Db,
  ctx: WorkspaceContext,
  id: string,
  raw: z.input<typeof renameFolderSchema>,
): Promise<DraftFolder> {
  const { name } = renameFolderSchema.parse(raw);
  return db.transaction(async (tx) => {
    const before = await folderOf(tx, ctx.workspaceId, id);
    const [row] = await tx.update(draftFolders).set({ name }).where(eq(draftFolders.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: "draft_folder.rename",
      targetType: "draft_folder",
      targetId: id,
      before: { name: before.name },
      after: { name },
    });
    return row;
  });
}

export async function moveFolder(db: Db, ctx: WorkspaceContext, id: string, raw: z.input<typeof moveFolderSchema>): Promise<DraftFolder> {
  const { parentId } = moveFolderSchema.parse(raw);
  return db.transaction(async (tx) => {
    const folder = await folderOf(tx, ctx.workspaceId, id);
    // Walk up from the destination: meeting the folder itself means a cycle.
    for (let at = parentId; at; ) {
      if (at === id) throw new AppError("FOLDER_CYCLE");
      at = (await folderOf(tx, ctx.workspaceId, at)).parentId;
    }
    const [row] = await tx.update(draftFolders).set({ parentId }).where(eq(draftFolders.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: "draft_folder.move",
      targetType: "draft_folder",
      targetId: id,
      before: { parentId: folder.parentId },
      after: { parentId },
    });
    return row;
  });
}

export async function deleteFolder(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const folder = await folderOf(tx, ctx.workspaceId, id);
    await tx
      .update(drafts)
      .set({ folderId: folder.parentId })
      .where(and(eq(drafts.workspaceId, ctx.workspaceId), eq(drafts.folderId, id)));
    await tx
      .update(draftFolders)
      .set({ parentId: folder.parentId })
      .where(and(eq(draftFolders.workspaceId, ctx.workspaceId), eq(draftFolders.parentId, id)));
    await tx.delete(draftFolders).where(eq(draftFolders.id, id));
    await recordAudit(tx, ctx, {
      action: "draft_folder.delete",
      targetType: "draft_folder",
      targetId: id,
      before: { name: folder.name, parentId: folder.parentId },
    });
  });
}
