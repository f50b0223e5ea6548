/** One draft as the API and editor see it (with its target accounts), within the caller's scope. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { drafts, type Draft } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import { draftScopeFilter, targetsOf } from "./draft-scope";

export type DraftView = Draft & { accountIds: string[] };

export async function findDraft(db: DbOrTx, scope: AccountScope, draftId: string): Promise<DraftView | null> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(draftScopeFilter(scope), eq(drafts.id, draftId)))
    .limit(1);
  if (!row) return null;
  const targets = await targetsOf(db, [row.id]);
  return { ...row, accountIds: targets.get(row.id) ?? [] };
}

export async function getDraft(db: DbOrTx, scope: AccountScope, draftId: string): Promise<DraftView> {
  const draft = await findDraft(db, scope, draftId);
  if (!draft) throw new AppError("NOT_FOUND");
  return draft;
}
