/** Revision history of a draft: list, a readable diff against the revision before, and restore. */
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { draftRevisions, users } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { getDraft, type DraftView } from "./get-draft";
import { saveDraft } from "./save-draft";
import { idSchema } from "@/lib/validation/id-schema";
import { textDiff } from "@/lib/text/text-diff";

export const restoreRevisionSchema = z.object({ revisionId: idSchema, baseVersion: z.number().int().min(1) }).strict();

export async function listRevisions(db: DbOrTx, scope: AccountScope, draftId: string) {
  await getDraft(db, scope, draftId);
  return db
    .select({
      id: draftRevisions.id,
      version: draftRevisions.version,
      title: draftRevisions.title,
      authorId: draftRevisions.authorId,
      authorName: users.name,
      createdAt: draftRevisions.createdAt,
      updatedAt: draftRevisions.updatedAt,
    })
    .from(draftRevisions)
    .innerJoin(users, eq(users.id, draftRevisions.authorId))
    .where(eq(draftRevisions.draftId, draftId))
    .orderBy(desc(draftRevisions.createdAt), desc(draftRevisions.version));
}

async function revisionOf(db: DbOrTx, draftId: string, revisionId: string) {
  const [rev] = await db
    .select()
    .from(draftRevisions)
    .where(and(eq(draftRevisions.draftId, draftId), eq(draftRevisions.id, revisionId)))
    .limit(1);
  if (!rev) throw new AppError("NOT_FOUND");
  return rev;
}

/** What changed in this revision compared with the one before it (or with nothing, for the first). */
export async function revisionDiff(db: DbOrTx, scope: AccountScope, draftId: string, revisionId: string) {
  await getDraft(db, scope, draftId);
  const rev = await revisionOf(db, draftId, revisionId);
  const [prev] = await db
    .select()
    .from(draftRevisions)
    .where(and(eq(draftRevisions.draftId, draftId), lt(draftRevisions.version, rev.version)))
    .orderBy(desc(draftRevisions.version))
    .limit(1);
  return {
    revision: { id: rev.id, version: rev.version, title: rev.title, plainText: rev.plainText, createdAt: rev.createdAt },
    title: textDiff(prev?.title ?? "", rev.title),
    body: textDiff(prev?.plainText ?? "", rev.plainText),
  };
}

/** Restoring is a normal save of the old content (a new version and revision), so it can be undone too. */
export async function restoreRevision(
  db: Db,
  ctx: WorkspaceContext,
  draftId: string,
  revisionId: string,
  baseVersion: number,
): Promise<DraftView> {
  const rev = await revisionOf(db, draftId, revisionId);
  await getDraft(db, ctx, draftId);
  return saveDraft(db, ctx, draftId, { baseVersion, title: rev.title, doc: rev.doc });
}
