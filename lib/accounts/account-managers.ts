/** Who manages an account: active members whose role has accounts.manage and who can see it (scope "all" or granted). */
import { and, eq, exists, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberAccountGrants, members } from "@/db/schema";
import { rolePermissions, type Role } from "@/lib/auth/permissions";

export async function accountManagerUserIds(db: DbOrTx, workspaceId: string, accountId: string): Promise<string[]> {
  const roles = (Object.keys(rolePermissions) as Role[]).filter((role) => rolePermissions[role].includes("accounts.manage"));
  const granted = db
    .select({ one: memberAccountGrants.memberId })
    .from(memberAccountGrants)
    .where(and(eq(memberAccountGrants.memberId, members.id), eq(memberAccountGrants.accountId, accountId)));
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(
      and(
        eq(members.workspaceId, workspaceId),
        eq(members.status, "active"),
        inArray(members.role, roles),
        or(eq(members.accountScope, "all"), exists(granted)),
      ),
    );
  return rows.map((r) => r.userId);
}
