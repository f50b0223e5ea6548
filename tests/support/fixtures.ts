/** Builders for integration tests: a set-up workspace, members of each role, their contexts and tokens. */
import type { Db } from "@/db/client";
import { members, users, workspaces } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { WorkspaceContext } from "@/lib/auth/context";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { rolePermissions, type Permission, type Role } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids/new-id";
import { createMember } from "@/lib/members/create-member";
import { completeSetup } from "@/lib/setup/complete-setup";

export const adminCredentials = { email: "admin@example.com", password: "correct horse battery" };

export async function setUpWorkspace(db: Db, options: { loadDemo?: boolean } = {}) {
  const setup = await completeSetup(db, {
    name: "管理员",
    ...adminCredentials,
    workspaceName: "Test Brand",
    timezone: "Asia/Shanghai",
    locale: "zh-CN",
    loadDemo: options.loadDemo ?? false,
  });
  const admin = await contextFor(db, setup.userId, setup.workspaceId);
  return { ...setup, admin };
}

export async function contextFor(db: Db, userId: string, workspaceId: string): Promise<WorkspaceContext> {
  const ctx = await loadWorkspaceContext(db, { userId, workspace: { id: workspaceId }, via: "session" });
  if (!ctx) throw new Error(`no context for ${userId}`);
  return ctx;
}

/** A member with `role`, their context, and an API token carrying all of that role's permissions. */
export async function memberWithToken(db: Db, admin: WorkspaceContext, role: Role, email = `${role}-${Date.now()}@example.com`) {
  const created = await createMember(db, admin, { email, name: `${role} member`, role, method: "password" });
  if (created.method !== "password") throw new Error("unexpected invite");
  const ctx = await loadWorkspaceContext(db, {
    userId: await userIdOf(db, created.memberId),
    workspace: { id: admin.workspaceId },
    via: "session",
  });
  if (!ctx) throw new Error("member context missing");
  const { token } = await createApiToken(db, ctx, { name: `${role} token`, permissions: [...rolePermissions[role]], expiresInDays: 1 });
  return { ctx, token, memberId: created.memberId, password: created.initialPassword!, email };
}

async function userIdOf(db: Db, memberId: string): Promise<string> {
  const row = await db.query.members.findFirst({ where: (m, { eq }) => eq(m.id, memberId) });
  if (!row) throw new Error("member missing");
  return row.userId;
}

/** A second workspace on the same install, with its own admin and a token (all permissions unless narrowed). */
export async function setUpOtherWorkspace(db: Db, slug = "other-brand", permissions?: Permission[]) {
  const workspaceId = newId("ws");
  const userId = newId("usr");
  await db.insert(workspaces).values({ id: workspaceId, slug, name: `${slug} name` });
  await db.insert(users).values({ id: userId, email: `${slug}@example.com`, name: slug, passwordHash: "x" });
  await db.insert(members).values({ id: newId("mem"), workspaceId, userId, role: "admin" });
  const ctx = await contextFor(db, userId, workspaceId);
  const token = await createApiToken(db, ctx, { name: slug, permissions: permissions ?? [...ctx.permissions], expiresInDays: 1 });
  return { workspaceId, userId, slug, ctx, token: token.token, tokenId: token.id };
}
