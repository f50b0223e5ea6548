import { getDb } from "@/lib/database";
import { AddMemberForm } from "@/components/members/add-member-form";
import { MembersTable } from "@/components/members/members-table";
import { Forbidden } from "@/components/ui/forbidden";
import { listAccounts } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/context";
import { listMembers, listPendingInvites } from "@/lib/members/queries";
import { requirePageContext } from "@/lib/next/session-context";
import { createMemberAction, updateMemberAction } from "../actions";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "members.manage")) return <Forbidden />;
  const db = getDb();
  const [members, invites, accounts] = await Promise.all([
    listMembers(db, ctx.workspaceId),
    listPendingInvites(db, ctx.workspaceId),
    listAccounts(db, { workspaceId: ctx.workspaceId, accountIds: null }),
  ]);
  return (
    <div className="space-y-6">
      <AddMemberForm slug={ctx.workspaceSlug} action={createMemberAction} />
      <MembersTable
        slug={ctx.workspaceSlug}
        selfMemberId={ctx.memberId}
        members={members.map(({ createdAt: _c, ...m }) => m)}
        invites={invites.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
        accounts={accounts.map(({ id, name }) => ({ id, name }))}
        action={updateMemberAction}
      />
    </div>
  );
}
