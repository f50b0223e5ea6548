"use server";
import { revalidatePath } from "next/cache";
import { createAccount, createAccountSchema } from "@/lib/accounts/create-account";
import { workspaceAction } from "@/lib/next/workspace-action";

export const createAccountAction = workspaceAction({ permission: "accounts.manage", schema: createAccountSchema }, async ({ ctx, db, input }) => {
  const account = await createAccount(db, ctx, input);
  revalidatePath(`/${ctx.workspaceSlug}/accounts`);
  return { id: account.id };
});
