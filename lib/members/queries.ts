/** Members of a workspace, with their user and account grants. */
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invites, memberAccountGrants, members, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function listMembers(db: DbOrTx, workspaceId: string) {
  const rows = await db
    .select({
      id: members.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: members.role,
      status: members.status,
      accountScope: members.accountScope,
      createdAt: members.createdAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(asc(members.createdAt));
  const grants = rows.length
    ? await db
        .select()
        .from(memberAccountGrants)
        .where(
          inArray(
            memberAccountGrants.memberId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    grantedAccountIds: grants.filter((g) => g.memberId === row.id).map((g) => g.accountId),
  }));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function getMemberOrThrow(db: DbOrTx, workspaceId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, memberId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function listPendingInvites(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: invites.id, email: invites.email, name: invites.name, role: invites.role, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())))
    .orderBy(asc(invites.createdAt));
}
