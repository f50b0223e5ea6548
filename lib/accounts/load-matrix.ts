/**
 * The account matrix for one caller: their visible accounts as views, each with its breaker
 * state and the members granted to it, filtered and sorted by the query, plus facets.
 * Followers / posts columns are absent on purpose until snapshot data exists.
 */
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberAccountGrants } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getCache } from "@/lib/cache";
import type { Cache } from "@/lib/cache/cache";
import { createCircuitBreaker } from "@/lib/http/circuit-breaker";
import { toAccountView, type AccountView } from "./account-view";
import { filterAndSortAccounts, matrixFacets, type MatrixQuery } from "./matrix-filter";
import { listAccounts } from "./queries";

export type MatrixAccount = AccountView & { memberIds: string[] };

export async function loadMatrix(db: DbOrTx, ctx: Pick<WorkspaceContext, "workspaceId" | "accountIds">, query: Partial<MatrixQuery> = {}, cache: Cache = getCache()) {
  const rows = await listAccounts(db, ctx);
  const grants = rows.length
    ? await db.select().from(memberAccountGrants).where(inArray(memberAccountGrants.accountId, rows.map((r) => r.id)))
    : [];
  const membersOf = new Map<string, string[]>();
  for (const g of grants) (membersOf.get(g.accountId) ?? membersOf.set(g.accountId, []).get(g.accountId)!).push(g.memberId);
  const breakers = await Promise.all(rows.map((r) => createCircuitBreaker(cache, `account:${r.id}`).snapshot()));
  const all: MatrixAccount[] = rows.map((r, i) => ({ ...toAccountView(r, breakers[i]), memberIds: membersOf.get(r.id) ?? [] }));
  return { accounts: filterAndSortAccounts(all, query), total: all.length, facets: matrixFacets(all) };
}
