"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, createApiTokenSchema, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { createMember, createMemberSchema } from "@/lib/members/create-member";
import { updateMember, updateMemberSchema } from "@/lib/members/update-member";
import { signIn } from "@/lib/next/auth";
import { workspaceAction } from "@/lib/next/workspace-action";
import { updateWorkspace, updateWorkspaceSchema } from "@/lib/workspaces/update-workspace";
import { idSchema } from "@/lib/validation/id-schema";

export const changePasswordAction = workspaceAction({ permission: null, schema: changePasswordSchema }, async ({ ctx, db, input }) => {
  const { email, revokedTokens } = await changePassword(db, ctx, input);
  // Other sessions ended with the version bump; this one continues with a fresh token.
  await signIn("credentials", { email, password: input.newPassword, redirect: false });
  return { changed: true, revokedTokens };
});

export const createMemberAction = workspaceAction(
  { permission: "members.manage", schema: createMemberSchema },
  async ({ ctx, db, input }) => {
    const result = await createMember(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/settings/members`);
    return result;
  },
);

export const updateMemberAction = workspaceAction(
  { permission: "members.manage", schema: updateMemberSchema.extend({ memberId: idSchema }) },
  async ({ ctx, db, input: { memberId, ...changes } }) => {
    await updateMember(db, ctx, memberId, changes);
    revalidatePath(`/${ctx.workspaceSlug}/settings/members`);
    return { memberId };
  },
);

export const createTokenAction = workspaceAction(
  { permission: "tokens.manage", schema: createApiTokenSchema },
  async ({ ctx, db, input }) => {
    const created = await createApiToken(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/settings/tokens`);
    return created;
  },
);

export const revokeTokenAction = workspaceAction(
  { permission: "tokens.manage", schema: z.object({ tokenId: idSchema }) },
  async ({ ctx, db, input }) => {
    await revokeApiToken(db, ctx, input.tokenId);
    revalidatePath(`/${ctx.workspaceSlug}/settings/tokens`);
    return { revoked: true };
  },
);

export const updateWorkspaceAction = workspaceAction(
  { permission: "settings.manage", schema: updateWorkspaceSchema },
  async ({ ctx, db, input }) => {
    await updateWorkspace(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}`, "layout");
    return { saved: true };
  },
);
