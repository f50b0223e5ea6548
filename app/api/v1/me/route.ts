import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(
  async ({ ctx }) => ({
    user: { id: ctx.userId, name: ctx.userName },
    workspace: { id: ctx.workspaceId, slug: ctx.workspaceSlug },
    role: ctx.role,
    permissions: [...ctx.permissions],
    accountIds: ctx.accountIds,
    via: ctx.via,
  }),
  { permission: null },
);
