import { updateMember, updateMemberSchema } from "@/lib/members/update-member";
import { withWorkspace } from "@/lib/next/with-workspace";

export const PATCH = withWorkspace<typeof updateMemberSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => ({ member: await updateMember(db, ctx, params.id, body) }),
  { permission: "members.manage", body: updateMemberSchema },
);
