import { createMember, createMemberSchema } from "@/lib/members/create-member";
import { listMembers } from "@/lib/members/queries";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ members: await listMembers(db, ctx.workspaceId) }), {
  permission: "members.manage",
});

export const POST = withWorkspace(async ({ ctx, db, body }) => Response.json(await createMember(db, ctx, body), { status: 201 }), {
  permission: "members.manage",
  body: createMemberSchema,
});
