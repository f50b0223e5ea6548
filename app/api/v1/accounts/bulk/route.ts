import { bulkAccountsSchema, runBulkAction } from "@/lib/accounts/bulk-accounts";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(async ({ ctx, db, body }) => runBulkAction(db, ctx, body), {
  permission: "accounts.manage",
  body: bulkAccountsSchema,
});
