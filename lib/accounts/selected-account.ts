/**
 * The account the header switcher selected: `?account=<id>` in the URL (shareable), else the
 * `rm_account` cookie (survives reloads; path-scoped to the workspace). The rule lives here;
 * pages read the cookie through lib/next/selected-account.ts.
 */
import type { AccountScope } from "./queries";

export const selectedAccountCookie = "rm_account";
export const allAccounts = "all";

/** Which id to try: the URL wins ("all" clears), else the cookie. */
export function pickSelectedAccountId(fromUrl: string | string[] | undefined, fromCookie: string | undefined): string | null {
  const url = Array.isArray(fromUrl) ? fromUrl[0] : fromUrl;
  if (url !== undefined && url !== "") return url === allAccounts ? null : url;
  return fromCookie && fromCookie !== allAccounts ? fromCookie : null;
}

export type SelectedAccount = { accountId: string | null; accountName: string | null; scope: AccountScope };
