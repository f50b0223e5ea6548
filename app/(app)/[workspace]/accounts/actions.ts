"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAccount, createAccountSchema } from "@/lib/accounts/create-account";
import { bulkAccountsSchema, runBulkAction } from "@/lib/accounts/bulk-accounts";
import { checkAccountConnection } from "@/lib/accounts/check-connection";
import { importAccounts, importAccountsSchema } from "@/lib/accounts/import-accounts";
import { patchAccount, patchAccountSchema } from "@/lib/accounts/patch-account";
import { workspaceAction } from "@/lib/next/workspace-action";

const refresh = (slug: string) => revalidatePath(`/${slug}/accounts`);

export const createAccountAction = workspaceAction(
  { permission: "accounts.manage", schema: createAccountSchema },
  async ({ ctx, db, input }) => {
    const account = await createAccount(db, ctx, input);
    refresh(ctx.workspaceSlug);
    return { id: account.id };
  },
);

export const patchAccountAction = workspaceAction(
  { permission: "accounts.manage", schema: z.object({ id: z.string().min(1), patch: patchAccountSchema }).strict() },
  async ({ ctx, db, input }) => {
    const account = await patchAccount(db, ctx, input.id, input.patch);
    refresh(ctx.workspaceSlug);
    return { id: account.id, status: account.status };
  },
);

export const bulkAccountsAction = workspaceAction(
  { permission: "accounts.manage", schema: bulkAccountsSchema },
  async ({ ctx, db, input }) => {
    const result = await runBulkAction(db, ctx, input);
    return { results: result.results.map(({ accountId, name, ok, message }) => ({ accountId, name, ok, message })) };
  },
);

export const checkConnectionAction = workspaceAction(
  { permission: "accounts.manage", schema: z.object({ id: z.string().min(1) }).strict() },
  async ({ ctx, db, input }) => {
    const result = await checkAccountConnection(db, ctx, input.id);
    refresh(ctx.workspaceSlug);
    return result;
  },
);

export const importAccountsAction = workspaceAction(
  { permission: "accounts.manage", schema: importAccountsSchema },
  async ({ ctx, db, input }) => {
    const result = await importAccounts(db, ctx, input.csv, { dryRun: input.dryRun });
    if (result.imported) refresh(ctx.workspaceSlug);
    return result;
  },
);
