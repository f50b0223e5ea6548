/**
 * The per-account figures of the matrix overview, for every account of a workspace at once:
 * followers (latest own-account snapshot), posts this week (published, week starting Monday in
 * the workspace zone), next scheduled run, last publish result and failures in the last 7 days.
 * Two aggregate queries over publish_jobs (GROUP BY account) and one over the snapshots: the
 * cost does not grow with the number of accounts beyond the rows scanned, never N+1.
 */
import { and, eq, gte, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { publishJobs } from "@/db/schema";
import { addDays, localParts } from "@/lib/analytics/time-buckets";
import { latestProfiles } from "@/lib/analytics/queries/latest-profiles";
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

const finishedStatuses = ["published", "failed", "unconfirmed"] as const;

export async function loadMatrixStats(db: DbOrTx, workspaceId: string, accountIds: string[], timeZone: string, now = new Date()): Promise<Map<string, AccountStats>> {
  const out = new Map<string, AccountStats>();
  if (!accountIds.length) return out;
  const weekStart = weekStartInZone(now, timeZone).getTime();
  const since7d = now.getTime() - 7 * 86_400_000;
  const windowStart = new Date(Math.min(weekStart, since7d));
  const finishedAt = sql`coalesce(${publishJobs.finishedAt}, ${publishJobs.runAt})`;

  const [counts, last, profiles] = await Promise.all([
    // Scheduled jobs plus the jobs that finished inside the window: the index on (workspace, run_at) narrows it.
    db
      .select({
        accountId: publishJobs.accountId,
        postsThisWeek: sql<number>`sum(case when ${publishJobs.status} = 'published' and ${finishedAt} >= ${weekStart} then 1 else 0 end)`,
        failures7d: sql<number>`sum(case when ${publishJobs.status} = 'failed' and ${finishedAt} >= ${since7d} then 1 else 0 end)`,
        nextRunAt: sql<number | null>`min(case when ${publishJobs.status} = 'scheduled' then ${publishJobs.runAt} end)`,
      })
      .from(publishJobs)
      .where(and(eq(publishJobs.workspaceId, workspaceId), or(eq(publishJobs.status, "scheduled"), gte(publishJobs.runAt, windowStart), gte(publishJobs.finishedAt, windowStart))))
      .groupBy(publishJobs.accountId),
    // SQLite returns the bare `status` column from the row holding max(finished_at).
    db
      .select({ accountId: publishJobs.accountId, status: publishJobs.status, at: sql<number>`max(${publishJobs.finishedAt})` })
      .from(publishJobs)
      .where(and(eq(publishJobs.workspaceId, workspaceId), inArray(publishJobs.status, [...finishedStatuses]), isNotNull(publishJobs.finishedAt)))
      .groupBy(publishJobs.accountId),
    latestProfiles(db, workspaceId, accountIds),
  ]);

  const wanted = new Set(accountIds);
  const entry = (id: string) => out.get(id) ?? out.set(id, { ...emptyStats }).get(id)!;
  for (const id of accountIds) entry(id);
  for (const c of counts) {
    if (!wanted.has(c.accountId)) continue;
    Object.assign(entry(c.accountId), { postsThisWeek: Number(c.postsThisWeek ?? 0), failures7d: Number(c.failures7d ?? 0), nextScheduledAt: c.nextRunAt == null ? null : new Date(Number(c.nextRunAt)) });
  }
  for (const l of last) {
    if (wanted.has(l.accountId) && l.at != null) entry(l.accountId).lastPublish = { status: l.status as LastPublish["status"], at: new Date(Number(l.at)) };
  }
  for (const [id, p] of profiles) if (wanted.has(id)) entry(id).followers = p.followers;
  return out;
}
