/**
 * The account matrix for one caller: the workspace's matrix data (cached, see matrix-cache.ts)
 * narrowed to the accounts they can see, each with its live breaker state, filtered and sorted
 * by the query, plus facets.
 */
import type { DbOrTx } from "@/db/client";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getCache } from "@/lib/cache";
import type { Cache } from "@/lib/cache/cache";
import { createCircuitBreaker } from "@/lib/http/circuit-breaker";
import { cachedMatrixData, type MatrixDataAccount } from "./matrix-cache";
import { filterAndSortAccounts, matrixFacets, type MatrixQuery } from "./matrix-filter";

export type MatrixAccount = MatrixDataAccount;

export async function loadMatrix(
  db: DbOrTx,
  ctx: Pick<WorkspaceContext, "workspaceId" | "accountIds">,
  query: Partial<MatrixQuery> = {},
  cache: Cache = getCache(),
) {
  const data = await cachedMatrixData(db, ctx.workspaceId, cache);
  const visible = ctx.accountIds === null ? null : new Set(ctx.accountIds);
  const rows = data.accounts.filter((a) => visible === null || visible.has(a.id));
  // Breaker state changes without a database write: always read live from the cache driver.
  const breakers = await Promise.all(rows.map((r) => createCircuitBreaker(cache, `account:${r.id}`).snapshot()));
  const all: MatrixAccount[] = rows.map((r, i) => ({ ...r, breaker: breakers[i] }));
  return { accounts: filterAndSortAccounts(all, query), total: all.length, facets: matrixFacets(all), timeZone: data.timeZone };
}
