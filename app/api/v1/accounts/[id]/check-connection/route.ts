import { checkAccountConnection } from "@/lib/accounts/check-connection";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => ({ result: await checkAccountConnection(db, ctx, params.id) }),
  { permission: "accounts.manage" },
);
