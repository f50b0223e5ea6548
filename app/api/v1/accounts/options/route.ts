/** The accounts the caller can see, as options for the header switcher (fetched when it opens). */
import { listAccountOptions } from "@/lib/accounts/queries";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ accounts: await listAccountOptions(db, ctx) }), { permission: "accounts.read" });
