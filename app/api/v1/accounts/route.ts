import { createAccount, createAccountSchema } from "@/lib/accounts/create-account";
import { listAccounts } from "@/lib/accounts/queries";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ accounts: await listAccounts(db, ctx) }), { permission: "accounts.read" });

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ account: await createAccount(db, ctx, body) }, { status: 201 }),
  { permission: "accounts.manage", body: createAccountSchema },
);
