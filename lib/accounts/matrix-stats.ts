/**
 * The per-account figures of the matrix overview, for every account of a workspace at once:
 * followers (latest own-account snapshot), posts this week (published, week starting Monday in
 * the workspace zone), next scheduled run, last publish result and failures in the last 7 days.
 *
 * Three queries, none N+1, each shaped to read only what it needs from an existing index (a
 * workspace has ~18k jobs and ~9k snapshots after 90 days at 100 accounts; scanning those rows
 * per request cost ~200 ms):
 * - window counts: jobs whose run_at falls in the window (publish_jobs_workspace_run_idx);
 * - next scheduled: status = 'scheduled' rows only (publish_jobs_due_idx);
 * - per account, one query over accounts with correlated LIMIT 1 lookups: the newest finished
 *   job by run_at (publish_jobs_account_run_idx, walked backwards) and the newest snapshot
 *   (profile_snapshots_subject_time_idx).
 */
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, publishJobs } from "@/db/schema";
import { addDays, localParts } from "@/lib/competitors/rules/time-buckets";
import { startOfDayInZone } from "@/lib/time/zoned";

export type LastPublish = { status: "published" | "failed" | "unconfirmed"; at: Date };

export type AccountStats = {
  followers: number | null;
  postsThisWeek: number;
  nextScheduledAt: Date | null;
  lastPublish: LastPublish | null;
  failures7d: number;
};

export const emptyStats: AccountStats = { followers: null, postsThisWeek: 0, nextScheduledAt: null, lastPublish: null, failures7d: 0 };

/** Monday 00:00 of the week containing `now`, in `timeZone`. */
export function weekStartInZone(now: Date, timeZone: string): Date {
  const { day, weekday } = localParts(now, timeZone);
  return startOfDayInZone(addDays(day, -weekday), timeZone)!;
}

/** A job's run_at precedes its finish; a day of slack covers retries that finished inside the window. */
const runAtSlackMs = 86_400_000;

type Latest = { accountId: string; last: string | null; followers: string | null };

export async function loadMatrixStats(
  db: DbOrTx,
  workspaceId: string,
  accountIds: string[],
  timeZone: string,
  now = new Date(),
): Promise<Map<string, AccountStats>> {
  const out = new Map<string, AccountStats>();
  if (!accountIds.length) return out;
  const weekStart = weekStartInZone(now, timeZone).getTime();
  const since7d = now.getTime() - 7 * 86_400_000;
  const windowStart = new Date(Math.min(weekStart, since7d) - runAtSlackMs);
  const finishedAt = sql`coalesce(${publishJobs.finishedAt}, ${publishJobs.runAt})`;

  const [counts, next, latest] = await Promise.all([
    db
      .select({
        accountId: publishJobs.accountId,
        postsThisWeek: sql<number>`sum(case when ${publishJobs.status} = 'published' and ${finishedAt} >= ${weekStart} then 1 else 0 end)`,
        failures7d: sql<number>`sum(case when ${publishJobs.status} = 'failed' and ${finishedAt} >= ${since7d} then 1 else 0 end)`,
      })
      .from(publishJobs)
      .where(
        and(
          eq(publishJobs.workspaceId, workspaceId),
          gte(publishJobs.runAt, windowStart),
          lte(publishJobs.runAt, now),
          inArray(publishJobs.status, ["published", "failed"]),
        ),
      )
      .groupBy(publishJobs.accountId),
    db
      .select({ accountId: publishJobs.accountId, runAt: sql<number>`min(${publishJobs.runAt})` })
      .from(publishJobs)
      // Unary + keeps the planner off the workspace index (every job of the workspace) and on
      // the due index (scheduled jobs only); without ANALYZE statistics it guesses wrong.
      .where(and(eq(publishJobs.status, "scheduled"), sql`+${publishJobs.workspaceId} = ${workspaceId}`))
      .groupBy(publishJobs.accountId),
    db.all<Latest>(sql`
      select a.id as accountId,
        (select json_array(j.status, j.finished_at) from publish_jobs j
          where j.account_id = a.id and j.status in ('published', 'failed', 'unconfirmed') and j.finished_at is not null
          order by j.run_at desc limit 1) as last,
        (select json_array(p.followers, p.taken_at) from profile_snapshots p
          where p.workspace_id = a.workspace_id and p.subject_type = 'account' and p.subject_id = a.id and p.followers is not null
          order by p.taken_at desc limit 1) as followers
      from ${accounts} a
      where a.workspace_id = ${workspaceId} and a.archived_at is null`),
  ]);

  for (const id of accountIds) out.set(id, { ...emptyStats });
  for (const c of counts) {
    const entry = out.get(c.accountId);
    if (entry) Object.assign(entry, { postsThisWeek: Number(c.postsThisWeek ?? 0), failures7d: Number(c.failures7d ?? 0) });
  }
  for (const n of next) {
    const entry = out.get(n.accountId);
    if (entry && n.runAt != null) entry.nextScheduledAt = new Date(Number(n.runAt));
  }
  for (const l of latest) {
    const entry = out.get(l.accountId);
    if (!entry) continue;
    if (l.last) {
      const [status, at] = JSON.parse(l.last) as [LastPublish["status"], number];
      entry.lastPublish = { status, at: new Date(at) };
    }
    if (l.followers) entry.followers = (JSON.parse(l.followers) as [number, number])[0];
  }
  return out;
}
