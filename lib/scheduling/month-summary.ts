/**
 * The month view without loading the month: per-day counts (by status and by account) computed
 * in SQL, with days cut at the workspace zone's midnights (exact across DST), plus details for
 * only the first few jobs of each day. A month of 10,000 jobs costs two aggregate queries and
 * at most 42 × `perDay` job rows; the rest of a day is loaded on demand (the list view of its week).
 */
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, publishJobs, type PublishJobStatus } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import { startOfDayInZone } from "@/lib/time/zoned";
import { jobColumns, scopeFilters, toJobRow, type CalendarJob } from "./job-queries";

export type DayCounts = { total: number; byStatus: Partial<Record<PublishJobStatus, number>>; byAccount: Record<string, number> };
export type MonthSummary = { counts: Record<string, DayCounts>; jobs: CalendarJob[] };
type Filter = { days: string[]; timezone: string; accountIds?: string[]; statuses?: PublishJobStatus[]; perDay?: number };

const dayMs = 86_400_000;

/** Where each day starts, plus the end of the last one. */
function dayStarts(days: string[], timezone: string): number[] {
  const next = new Date(`${days.at(-1)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return [...days, next.toISOString().slice(0, 10)].map((day) => startOfDayInZone(day, timezone)!.getTime());
}

/**
 * The index of a job's day in `days`: integer arithmetic when every day of the range is 24 h
 * long (most zones, most months), else a CASE over the day starts (a month with a DST change).
 */
function dayIndexSql(starts: number[]): SQL {
  const uniform = starts.every((t, i) => i === 0 || t - starts[i - 1] === dayMs);
  // Inlined integers (computed here, never user input): a bound JS number is a REAL to SQLite,
  // and REAL division would not cut days.
  const int = (n: number) => sql.raw(String(Math.trunc(n)));
  if (uniform) return sql`((${publishJobs.runAt} - ${int(starts[0])}) / ${int(dayMs)})`;
  const branches = starts.slice(1, -1).map((t, i) => sql`WHEN ${publishJobs.runAt} < ${int(t)} THEN ${int(i)}`);
  return sql`(CASE ${sql.join(branches, sql` `)} ELSE ${int(starts.length - 2)} END)`;
}

function filters(scope: AccountScope, filter: Filter, from: number, to: number): SQL {
  const where = [...scopeFilters(scope), gte(publishJobs.runAt, new Date(from)), lt(publishJobs.runAt, new Date(to))];
  if (filter.accountIds?.length) where.push(inArray(publishJobs.accountId, filter.accountIds));
  if (filter.statuses?.length) where.push(inArray(publishJobs.status, filter.statuses));
  return and(...where)!;
}

/** Ids of the first `perDay` jobs of each day: one small indexed LIMIT query per day, in one statement. */
async function firstJobIds(db: DbOrTx, scope: AccountScope, filter: Filter, starts: number[], perDay: number): Promise<string[]> {
  const parts = starts
    .slice(0, -1)
    .map(
      (from, i) =>
        sql`SELECT * FROM (SELECT ${publishJobs.id} AS id FROM ${publishJobs} WHERE ${filters(scope, filter, from, starts[i + 1])} ORDER BY ${publishJobs.runAt}, ${publishJobs.id} LIMIT ${perDay})`,
    );
  const rows = await db.all<{ id: string }>(sql.join(parts, sql` UNION ALL `));
  return rows.map((r) => r.id);
}

export async function monthSummary(db: DbOrTx, scope: AccountScope, filter: Filter): Promise<MonthSummary> {
  const starts = dayStarts(filter.days, filter.timezone);
  const where = filters(scope, filter, starts[0], starts.at(-1)!);
  const dayIndex = dayIndexSql(starts);
  const groups = await db
    .select({
      day: sql<number>`${dayIndex}`.as("day"),
      status: publishJobs.status,
      accountId: publishJobs.accountId,
      n: sql<number>`count(*)`,
    })
    .from(publishJobs)
    .where(where)
    .groupBy(sql`1`, publishJobs.status, publishJobs.accountId);
  const counts: Record<string, DayCounts> = {};
  for (const g of groups) {
    const day = filter.days[Number(g.day)];
    const c = (counts[day] ??= { total: 0, byStatus: {}, byAccount: {} });
    const n = Number(g.n);
    c.total += n;
    c.byStatus[g.status] = (c.byStatus[g.status] ?? 0) + n;
    c.byAccount[g.accountId] = (c.byAccount[g.accountId] ?? 0) + n;
  }
  const firstIds = Object.keys(counts).length ? await firstJobIds(db, scope, filter, starts, filter.perDay ?? 3) : [];
  const jobs = firstIds.length
    ? (
        await db
          .select(jobColumns)
          .from(publishJobs)
          .innerJoin(accounts, eq(accounts.id, publishJobs.accountId))
          .where(inArray(publishJobs.id, firstIds))
          .orderBy(asc(publishJobs.runAt))
      ).map(toJobRow)
    : [];
  return { counts, jobs };
}
