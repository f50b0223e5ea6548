/** The dashboard's first numbers: real counts only (features add their own as they land). */
import { and, count, desc, eq, gte, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, auditEvents, members } from "@/db/schema";
import { accountScopeFilter, type AccountScope } from "@/lib/accounts/queries";

export async function workspaceOverview(db: DbOrTx, scope: AccountScope, options: { withActivity: boolean }) {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const [[accountCount], [memberCount], [eventCount], recent] = await Promise.all([
    db.select({ n: count() }).from(accounts).where(and(accountScopeFilter(scope), isNull(accounts.archivedAt))),
    db.select({ n: count() }).from(members).where(and(eq(members.workspaceId, scope.workspaceId), eq(members.status, "active"))),
    db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.workspaceId, scope.workspaceId), gte(auditEvents.createdAt, weekAgo))),
    options.withActivity
      ? db.select().from(auditEvents).where(eq(auditEvents.workspaceId, scope.workspaceId)).orderBy(desc(auditEvents.id)).limit(8)
      : Promise.resolve([]),
  ]);
  return { accounts: accountCount.n, members: memberCount.n, events7d: eventCount.n, recent };
}
