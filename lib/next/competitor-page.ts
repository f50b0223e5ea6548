/**
 * The prelude every competitor dashboard page shares: the signed-in context, the permission check,
 * the header switcher's account (lib/accounts/selected-account.ts) and the dashboard base (time
 * zone, today, the URL's range, the visible subjects; lib/competitors/queries/dashboard-base.ts).
 * Null means forbidden: the page renders <Forbidden />. Next glue (session, cookies), so it lives
 * here and lib/competitors stays framework-free.
 */
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import { getSelectedAccount } from "@/lib/next/selected-account";
import { can, type WorkspaceContext } from "@/lib/auth/context";
import type { Permission } from "@/lib/auth/permissions";
import { loadDashboardBase, type DashboardBase } from "@/lib/competitors/queries/dashboard-base";
import { requirePageContext } from "./session-context";

export type SearchParams = Record<string, string | string[] | undefined>;
export type CompetitorPageProps<P extends { workspace: string }> = { params: Promise<P>; searchParams: Promise<SearchParams> };
export type CompetitorPage<P> = { ctx: WorkspaceContext; db: Db; params: P; search: SearchParams; base: DashboardBase };

/**
 * `permission` defaults to competitors.read. `selectedAccount: false` keeps every own account the
 * caller can see among the subjects (the printable report ignores the header switcher).
 */
export async function loadCompetitorPage<P extends { workspace: string }>(
  props: CompetitorPageProps<P>,
  o: { permission?: Permission; selectedAccount?: boolean } = {},
): Promise<CompetitorPage<P> | null> {
  const params = await props.params;
  const ctx = await requirePageContext(params.workspace);
  if (!can(ctx, o.permission ?? "competitors.read")) return null;
  const db = getDb();
  const search = await props.searchParams;
  const scope = o.selectedAccount === false ? ctx : (await getSelectedAccount(ctx, search)).scope;
  return { ctx, db, params, search, base: await loadDashboardBase(db, ctx, search, scope) };
}
