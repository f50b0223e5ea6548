/** In-app notifications: written inside the transaction of what caused them, read by their user. */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { members, notifications, type Notification } from "@/db/schema";
import { rolePermissions, type Permission, type Role } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids/new-id";

export type { Notification };

export async function notify(
  db: DbOrTx,
  workspaceId: string,
  userIds: string[],
  kind: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length)
    await db.insert(notifications).values(unique.map((userId) => ({ id: newId("ntf"), workspaceId, userId, kind, payload })));
}

/** Active members whose role grants `permission` (e.g. every approver). */
export async function usersWithPermission(db: DbOrTx, workspaceId: string, permission: Permission): Promise<string[]> {
  const roles = (Object.keys(rolePermissions) as Role[]).filter((role) => rolePermissions[role].includes(permission));
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.status, "active"), inArray(members.role, roles)));
  return rows.map((r) => r.userId);
}

export async function listNotifications(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  options: { unreadOnly?: boolean; limit?: number } = {},
) {
  const filters = [eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId)];
  if (options.unreadOnly) filters.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...filters))
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit ?? 50);
}

export async function markNotificationsRead(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export async function countUnreadNotifications(db: DbOrTx, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the caller's notifications read; false when it is not theirs (or does not exist). Already read stays as it was. */
export async function markNotificationRead(db: Db, workspaceId: string, userId: string, id: string): Promise<boolean> {
  const mine = and(eq(notifications.id, id), eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId));
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length) return true;
  const [exists] = await db.select({ id: notifications.id }).from(notifications).where(mine).limit(1);
  return Boolean(exists);
}
