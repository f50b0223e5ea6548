/** Who is acting, in which workspace, with which permissions and accounts. Built by lib/next/. */
import type { Permission, Role } from "./permissions";

export type WorkspaceContext = {
  userId: string;
  userName: string;
  workspaceId: string;
  workspaceSlug: string;
  memberId: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** null: every account in the workspace; otherwise the only account ids this caller may touch. */
  accountIds: string[] | null;
  via: "session" | "token";
  ip?: string;
  requestId?: string;
};

export function can(ctx: Pick<WorkspaceContext, "permissions">, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}
