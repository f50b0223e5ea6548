/**
 * Pages (drafts, calendar, competitors) call `getSelectedAccount(ctx, searchParams)` and query
 * with the returned `scope`: one account, or every account the caller can see. An id the caller
 * cannot see is ignored, never an error (a shared link must not reveal whether it exists).
 */
import { cookies } from "next/headers";
import { getDb } from "@/lib/database";
import { getAccount } from "@/lib/accounts/queries";
import { pickSelectedAccountId, selectedAccountCookie, type SelectedAccount } from "@/lib/accounts/selected-account";
import type { WorkspaceContext } from "@/lib/auth/context";

export async function getSelectedAccount(
  ctx: WorkspaceContext,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<SelectedAccount> {
  const jar = await cookies();
  const wanted = pickSelectedAccountId(searchParams.account, jar.get(selectedAccountCookie)?.value);
  const account = wanted ? await getAccount(getDb(), ctx, wanted) : null;
  if (!account) return { accountId: null, accountName: null, scope: { workspaceId: ctx.workspaceId, accountIds: ctx.accountIds } };
  return { accountId: account.id, accountName: account.name, scope: { workspaceId: ctx.workspaceId, accountIds: [account.id] } };
}
