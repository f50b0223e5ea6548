/**
 * Builds the WorkspaceContext for a request: the user must exist with the session's version,
 * be an active member of the workspace, and (for tokens) keep only permissions both the token
 * and the creator's current role allow. Returns null when any of that fails.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberAccountGrants, members, users, workspaces } from "@/db/schema";
import type { WorkspaceContext } from "./context";
import { rolePermissions, type Permission } from "./permissions";

export type ContextRequest = {
  userId: string;
  workspace: { slug: string } | { id: string };
  via: WorkspaceContext["via"];
  /** Present for sessions: must match the user's current session version. */
  sessionVersion?: number;
  /** Present for API tokens: the token's permission subset. */
  tokenPermissions?: string[];
  ip?: string;
  requestId?: string;
};

export async function loadWorkspaceContext(db: DbOrTx, req: ContextRequest): Promise<WorkspaceContext | null> {
  const workspaceFilter = "slug" in req.workspace ? eq(workspaces.slug, req.workspace.slug) : eq(workspaces.id, req.workspace.id);
  const [row] = await db
    .select({ user: users, member: members, workspace: workspaces })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.userId, req.userId), workspaceFilter, eq(members.status, "active")))
    .limit(1);
  if (!row) return null;
  if (req.sessionVersion !== undefined && req.sessionVersion !== row.user.sessionVersion) return null;

  let granted: Permission[] = [...rolePermissions[row.member.role]];
  if (req.tokenPermissions) granted = granted.filter((p) => req.tokenPermissions!.includes(p));

  const accountIds =
    row.member.accountScope === "all"
      ? null
      : (
          await db
            .select({ id: memberAccountGrants.accountId })
            .from(memberAccountGrants)
            .where(eq(memberAccountGrants.memberId, row.member.id))
        ).map((g) => g.id);

  return {
    userId: row.user.id,
    userName: row.user.name,
    workspaceId: row.workspace.id,
    workspaceSlug: row.workspace.slug,
    memberId: row.member.id,
    role: row.member.role,
    permissions: new Set(granted),
    accountIds,
    via: req.via,
    ip: req.ip,
    requestId: req.requestId,
  };
}
