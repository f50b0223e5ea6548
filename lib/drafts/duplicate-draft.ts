/**
 * Copies a draft: once (a plain copy), or once per target account so each account's version can
 * be adjusted on its own. All copies are made in one transaction, or none.
 */
import { z } from "zod";
import type { Db } from "@/db/client";
import type { WorkspaceContext } from "@/lib/auth/context";
import { insertDraft } from "./create-draft";
import { getDraft, type DraftView } from "./get-draft";
import { idSchema } from "@/lib/validation/id-schema";

export const duplicateDraftSchema = z
  .object({ accountIds: z.array(idSchema).min(1).max(50).optional(), copySuffix: z.string().max(20).default("（副本）") })
  .strict();

export async function duplicateDraft(
  db: Db,
  ctx: WorkspaceContext,
  draftId: string,
  raw: z.input<typeof duplicateDraftSchema> = {},
): Promise<DraftView[]> {
  const input = duplicateDraftSchema.parse(raw);
  const ids = await db.transaction(async (tx) => {
    const source = await getDraft(tx, ctx, draftId);
    const base = { doc: source.doc, folderId: source.folderId, tags: source.tags, images: source.images };
    if (!input.accountIds) {
      return [
        await insertDraft(
          tx,
          ctx,
          {
            ...base,
            title: `${source.title}${input.copySuffix}`,
            accountIds: source.accountIds.filter((id) => ctx.accountIds === null || ctx.accountIds.includes(id)),
          },
          "draft.duplicate",
        ),
      ];
    }
    const made: string[] = [];
    for (const accountId of [...new Set(input.accountIds)])
      made.push(await insertDraft(tx, ctx, { ...base, title: source.title, accountIds: [accountId] }, "draft.duplicate"));
    return made;
  });
  return Promise.all(ids.map((id) => getDraft(db, ctx, id)));
}
