/** Reading publish jobs for the calendar and the attention queue, always within the caller's accounts. */
import { and, asc, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, publishJobs, type PublishJobStatus } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";

export type JobFilter = { from: Date; to: Date; accountIds?: string[]; statuses?: PublishJobStatus[] };

export function scopeFilters(scope: AccountScope): SQL[] {
  const filters: SQL[] = [eq(publishJobs.workspaceId, scope.workspaceId)];
  if (scope.accountIds !== null)
    filters.push(scope.accountIds.length ? inArray(publishJobs.accountId, scope.accountIds) : eq(publishJobs.id, ""));
  return filters;
}

/** The columns every job listing shows (the snapshot is reduced to its title by toJobRow). */
export const jobColumns = {
  id: publishJobs.id,
  accountId: publishJobs.accountId,
  accountName: accounts.name,
  draftId: publishJobs.draftId,
  title: publishJobs.snapshot,
  runAt: publishJobs.runAt,
  status: publishJobs.status,
  attempts: publishJobs.attempts,
  lastErrorCode: publishJobs.lastErrorCode,
  lastErrorMessage: publishJobs.lastErrorMessage,
  remoteUrl: publishJobs.remoteUrl,
};

/** The most jobs one calendar page loads; past it the page says the view is incomplete. */
export const calendarJobCap = 5000;

export async function listJobsInRange(db: DbOrTx, scope: AccountScope, filter: JobFilter) {
  const filters = [...scopeFilters(scope), gte(publishJobs.runAt, filter.from), lt(publishJobs.runAt, filter.to)];
  if (filter.accountIds?.length) filters.push(inArray(publishJobs.accountId, filter.accountIds));
  if (filter.statuses?.length) filters.push(inArray(publishJobs.status, filter.statuses));
  const rows = await db
    .select(jobColumns)
    .from(publishJobs)
    .innerJoin(accounts, eq(accounts.id, publishJobs.accountId))
    .where(and(...filters))
    .orderBy(asc(publishJobs.runAt))
    .limit(calendarJobCap);
  return rows.map(toJobRow);
}

/** Jobs a person must look at: failed, or unconfirmed (may or may not be live). */
export async function listAttentionJobs(db: DbOrTx, scope: AccountScope, limit = 50) {
  const rows = await db
    .select(jobColumns)
    .from(publishJobs)
    .innerJoin(accounts, eq(accounts.id, publishJobs.accountId))
    .where(and(...scopeFilters(scope), inArray(publishJobs.status, ["failed", "unconfirmed"])))
    .orderBy(desc(publishJobs.runAt))
    .limit(limit);
  return rows.map(toJobRow);
}

export function toJobRow<T extends { title: { title: string } }>({ title, ...row }: T) {
  return { ...row, title: title.title };
}

export type CalendarJob = Awaited<ReturnType<typeof listJobsInRange>>[number];
