/**
 * Per-account member grants, managed from the account side. A member whose scope is "all"
 * already sees every account; granting to them changes nothing, and revoking is refused with
 * a message (narrow their scope on the Members page first). Needs `members.manage`.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberAccountGrants, members, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";

export type AccountMember = { memberId: string; name: string; role: string; accountScope: "all" | "granted"; granted: boolean };

export async function listAccountMembers(db: DbOrTx, ctx: WorkspaceContext, accountId: string): Promise<AccountMember[]> {
  const rows = await db
    .select({ memberId: members.id, name: users.name, role: members.role, accountScope: members.accountScope })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.workspaceId, ctx.workspaceId), eq(members.status, "active")));
  const grants = await db
    .select({ memberId: memberAccountGrants.memberId })
    .from(memberAccountGrants)
    .where(eq(memberAccountGrants.accountId, accountId));
  const granted = new Set(grants.map((g) => g.memberId));
  return rows
    .map((r) => ({ ...r, granted: r.accountScope === "all" || granted.has(r.memberId) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function requireMembers(db: DbOrTx, ctx: WorkspaceContext, memberIds: string[]) {
  if (!ctx.permissions.has("members.manage")) throw new AppError("FORBIDDEN");
  const unique = [...new Set(memberIds)];
  const rows = unique.length
    ? await db
        .select()
        .from(members)
        .where(and(eq(members.workspaceId, ctx.workspaceId), inArray(members.id, unique)))
    : [];
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", { fieldErrors: { memberIds: ["Unknown member"] } });
  return rows;
}

/** Grants or revokes one account for members; returns a note per member that was skipped. */
export async function setAccountGrant(
  tx: DbOrTx,
  ctx: WorkspaceContext,
  accountId: string,
  memberRows: { id: string; accountScope: "all" | "granted" }[],
  grant: boolean,
) {
  const notes: string[] = [];
  for (const member of memberRows) {
    if (member.accountScope === "all") {
      notes.push(
        grant ? `${member.id} already sees every account` : `${member.id} sees every account: narrow their scope on the Members page first`,
      );
      if (!grant) throw new AppError("UNPROCESSABLE", { detail: notes.at(-1), fieldErrors: { memberIds: [notes.at(-1)!] } });
      continue;
    }
    if (grant) await tx.insert(memberAccountGrants).values({ memberId: member.id, accountId }).onConflictDoNothing();
    else
      await tx
        .delete(memberAccountGrants)
        .where(and(eq(memberAccountGrants.memberId, member.id), eq(memberAccountGrants.accountId, accountId)));
  }
  await recordAudit(tx, ctx, {
    action: grant ? "accounts.grant" : "accounts.revoke",
    targetType: "account",
    targetId: accountId,
    after: { memberIds: memberRows.map((m) => m.id) },
  });
  return notes;
}

/** Active members limited to granted accounts: the ones grants apply to (bulk grant, filters). */
export async function listGrantableMembers(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: members.id, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.workspaceId, workspaceId), eq(members.status, "active"), eq(members.accountScope, "granted")));
}
