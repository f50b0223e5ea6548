/**
 * Which drafts a caller may see: every draft of the workspace, or, for a member limited to some
 * accounts, drafts aimed at none of the accounts yet or at one of theirs. Unseen drafts answer
 * NOT_FOUND (never FORBIDDEN), as accounts do.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, drafts, draftTargets } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import { accountScopeFilter } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";

export function draftScopeFilter(scope: AccountScope): SQL {
  const inWorkspace = eq(drafts.workspaceId, scope.workspaceId);
  if (scope.accountIds === null) return inWorkspace;
  // An uncorrelated IN subquery: SQLite builds the id set once instead of probing per row.
  const granted = scope.accountIds.length
    ? sql`or ${drafts.id} in (select draft_id from ${draftTargets} where account_id in ${scope.accountIds})`
    : sql``;
  return and(inWorkspace, sql`(${drafts.hasTargets} = 0 ${granted})`)!;
}

export async function targetsOf(db: DbOrTx, draftIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!draftIds.length) return map;
  const rows = await db.select().from(draftTargets).where(inArray(draftTargets.draftId, draftIds));
  for (const row of rows) (map.get(row.draftId) ?? map.set(row.draftId, []).get(row.draftId)!).push(row.accountId);
  return map;
}

/**
 * The target list after a caller asks for `requested`: every requested id must be an account the
 * caller can see (else 422); targets the caller cannot see are kept, not silently dropped.
 */
export async function resolveTargets(db: DbOrTx, scope: AccountScope, requested: string[], existing: string[] = []): Promise<string[]> {
  const unique = [...new Set(requested)];
  if (unique.length) {
    const visible = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(accountScopeFilter(scope), inArray(accounts.id, unique)));
    if (visible.length !== unique.length) throw new AppError("VALIDATION_FAILED", { fieldErrors: { accountIds: ["unknown account"] } });
  }
  const hidden = scope.accountIds === null ? [] : existing.filter((id) => !scope.accountIds!.includes(id));
  return [...new Set([...hidden, ...unique])];
}

export async function replaceTargets(db: DbOrTx, draftId: string, accountIds: string[]): Promise<void> {
  await db.delete(draftTargets).where(eq(draftTargets.draftId, draftId));
  if (accountIds.length) await db.insert(draftTargets).values(accountIds.map((accountId) => ({ draftId, accountId })));
  await db
    .update(drafts)
    .set({ hasTargets: accountIds.length > 0 })
    .where(eq(drafts.id, draftId));
}
