/** The dashboard's numbers: real counts only, each scoped to the accounts the caller may see. */
import { and, count, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, auditEvents, drafts, members, publishJobs } from "@/db/schema";
import { accountScopeFilter, type AccountScope } from "@/lib/accounts/queries";
import { draftScopeFilter } from "@/lib/drafts/draft-scope";

function jobScope(scope: AccountScope) {
  const inWorkspace = eq(publishJobs.workspaceId, scope.workspaceId);
  if (scope.accountIds === null) return inWorkspace;
  return and(inWorkspace, scope.accountIds.length ? inArray(publishJobs.accountId, scope.accountIds) : eq(publishJobs.id, ""))!;
}

export async function workspaceOverview(db: DbOrTx, scope: AccountScope, options: { withActivity: boolean }, now = new Date()) {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
  const [[accountCount], [memberCount], [eventCount], [scheduled], [attention], [inReview], recent] = await Promise.all([
    db
      .select({ n: count() })
      .from(accounts)
      .where(and(accountScopeFilter(scope), isNull(accounts.archivedAt))),
    db
      .select({ n: count() })
      .from(members)
      .where(and(eq(members.workspaceId, scope.workspaceId), eq(members.status, "active"))),
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, scope.workspaceId), gte(auditEvents.createdAt, weekAgo))),
    db
      .select({ n: count() })
      .from(publishJobs)
      .where(and(jobScope(scope), eq(publishJobs.status, "scheduled"), gte(publishJobs.runAt, now), lt(publishJobs.runAt, weekAhead))),
    db
      .select({ n: count() })
      .from(publishJobs)
      .where(and(jobScope(scope), inArray(publishJobs.status, ["failed", "unconfirmed"]))),
    db
      .select({ n: count() })
      .from(drafts)
      .where(and(draftScopeFilter(scope), eq(drafts.status, "in_review"))),
    options.withActivity
      ? db.select().from(auditEvents).where(eq(auditEvents.workspaceId, scope.workspaceId)).orderBy(desc(auditEvents.id)).limit(8)
      : Promise.resolve([]),
  ]);
  return {
    accounts: accountCount.n,
    members: memberCount.n,
    events7d: eventCount.n,
    scheduledNext7d: scheduled.n,
    needsAttention: attention.n,
    draftsInReview: inReview.n,
    recent,
  };
}
