/**
 * RED accounts of a workspace, always read through the caller's account scope: a member limited
 * to some accounts never sees the others (unseen ids answer NOT_FOUND, not FORBIDDEN).
 */
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";

export type AccountScope = { workspaceId: string; accountIds: string[] | null };

export function accountScopeFilter(scope: AccountScope): SQL {
  const inWorkspace = eq(accounts.workspaceId, scope.workspaceId);
  if (scope.accountIds === null) return inWorkspace;
  // An empty grant list must match nothing, not everything.
  return and(inWorkspace, scope.accountIds.length ? inArray(accounts.id, scope.accountIds) : eq(accounts.id, ""))!;
}

export async function listAccounts(db: DbOrTx, scope: AccountScope, options: { includeArchived?: boolean } = {}) {
  const filters = [accountScopeFilter(scope)];
  if (!options.includeArchived) filters.push(isNull(accounts.archivedAt));
  return db
    .select()
    .from(accounts)
    .where(and(...filters))
    .orderBy(asc(accounts.name));
}

export type AccountOption = { id: string; name: string; redId: string; status: string };

/** Just enough to pick an account (the header switcher): no settings, figures or secrets; `ids` narrows further. */
export async function listAccountOptions(db: DbOrTx, scope: AccountScope, ids?: string[]): Promise<AccountOption[]> {
  const filters = [accountScopeFilter(scope), isNull(accounts.archivedAt)];
  if (ids) filters.push(ids.length ? inArray(accounts.id, ids) : eq(accounts.id, ""));
  return db
    .select({ id: accounts.id, name: accounts.name, redId: accounts.redId, status: accounts.status })
    .from(accounts)
    .where(and(...filters))
    .orderBy(asc(accounts.name));
}

export async function getAccount(db: DbOrTx, scope: AccountScope, accountId: string, options: { includeArchived?: boolean } = {}) {
  const filters = [accountScopeFilter(scope), eq(accounts.id, accountId)];
  if (!options.includeArchived) filters.push(isNull(accounts.archivedAt));
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(...filters))
    .limit(1);
  return row ?? null;
}

/** Every id must be visible to the caller, or NOT_FOUND for the whole request (nothing done). */
export async function requireVisibleAccounts(db: DbOrTx, scope: AccountScope, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .select()
    .from(accounts)
    .where(and(accountScopeFilter(scope), inArray(accounts.id, unique), isNull(accounts.archivedAt)));
  return rows.length === unique.length ? rows : null;
}
