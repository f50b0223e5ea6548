import { toAccountView } from "@/lib/accounts/account-view";
import { createAccount, createAccountSchema } from "@/lib/accounts/create-account";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { matrixQuerySchema } from "@/lib/accounts/matrix-filter";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(
  async ({ ctx, db, query }) => {
    const { accounts, total, facets } = await loadMatrix(db, ctx, query);
    return { accounts, total, facets };
  },
  { permission: "accounts.read", query: matrixQuerySchema },
);

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ account: toAccountView(await createAccount(db, ctx, body)) }, { status: 201 }),
  { permission: "accounts.manage", body: createAccountSchema },
);
