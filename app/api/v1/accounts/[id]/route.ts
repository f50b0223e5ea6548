import { toAccountView } from "@/lib/accounts/account-view";
import { patchAccount, patchAccountSchema } from "@/lib/accounts/patch-account";
import { getAccount } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import { withWorkspace } from "@/lib/next/with-workspace";

type Params = { id: string };

export const GET = withWorkspace<never, never, Params>(
  async ({ ctx, db, params }) => {
    const account = await getAccount(db, ctx, params.id, { includeArchived: true });
    if (!account) throw new AppError("NOT_FOUND");
    return { account: toAccountView(account) };
  },
  { permission: "accounts.read" },
);

export const PATCH = withWorkspace<typeof patchAccountSchema, never, Params>(
  async ({ ctx, db, params, body }) => ({ account: toAccountView(await patchAccount(db, ctx, params.id, body)) }),
  { permission: "accounts.manage", body: patchAccountSchema },
);
