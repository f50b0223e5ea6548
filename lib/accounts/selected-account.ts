/**
 * The account the header switcher selected: `?account=<id>` in the URL (shareable), else the
 * `rm_account` cookie (survives reloads; path-scoped to the workspace). Pages (drafts,
 * calendar, analytics) call `getSelectedAccount(ctx, searchParams)` and query with the
 * returned `scope`: one account, or every account the caller can see. An id the caller cannot
 * see is ignored, never an error (a shared link must not reveal whether it exists).
 */
import { cookies } from "next/headers";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getDb } from "@/db/client";
import { getAccount, type AccountScope } from "./queries";

export const selectedAccountCookie = "rm_account";
export const allAccounts = "all";

/** Which id to try: the URL wins ("all" clears), else the cookie. */
export function pickSelectedAccountId(fromUrl: string | string[] | undefined, fromCookie: string | undefined): string | null {
  const url = Array.isArray(fromUrl) ? fromUrl[0] : fromUrl;
  if (url !== undefined && url !== "") return url === allAccounts ? null : url;
  return fromCookie && fromCookie !== allAccounts ? fromCookie : null;
}

export type SelectedAccount = { accountId: string | null; accountName: string | null; scope: AccountScope };

export async function getSelectedAccount(ctx: WorkspaceContext, searchParams: Record<string, string | string[] | undefined>): Promise<SelectedAccount> {
  const jar = await cookies();
  const wanted = pickSelectedAccountId(searchParams.account, jar.get(selectedAccountCookie)?.value);
  const account = wanted ? await getAccount(getDb(), ctx, wanted) : null;
  if (!account) return { accountId: null, accountName: null, scope: { workspaceId: ctx.workspaceId, accountIds: ctx.accountIds } };
  return { accountId: account.id, accountName: account.name, scope: { workspaceId: ctx.workspaceId, accountIds: [account.id] } };
}
