/** Workspace lookups for a signed-in user. */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, workspaces } from "@/db/schema";
import { defaultTimezone } from "./timezones";

export async function listUserWorkspaces(db: DbOrTx, userId: string) {
  return db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.userId, userId), eq(members.status, "active")))
    .orderBy(asc(workspaces.createdAt));
}

export async function getWorkspaceBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return row ?? null;
}

export async function workspaceTimezone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.timezone ?? defaultTimezone;
}
