/**
 * Keeps the next 14 days of each active series as publish_jobs. The idempotency key
 * `series:<id>:<occurrence ISO>` makes it safe to run any number of times (on create, on
 * update, and from every sweep): an occurrence that already has a job — even a canceled one,
 * so a single canceled occurrence stays canceled — is not made again.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, publishJobs, publishSeries, type PublishJob, type PublishSeries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { getLogger } from "@/lib/observability/logger";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { nextOccurrences } from "../recurrence";

export const materializeHorizonMs = 14 * 86_400_000;
const maxPerSeries = 500;

export const occurrenceKey = (seriesId: string, at: Date) => `series:${seriesId}:${at.toISOString()}`;

type Actor = { userId: string | null; userName: string; ip?: string; requestId?: string };
const systemActor: Actor = { userId: null, userName: "scheduler" };

export function dueOccurrences(series: PublishSeries, now: Date): Date[] {
  const from = new Date(Math.max(now.getTime(), series.startsAt.getTime() - 1));
  const until = Math.min(now.getTime() + materializeHorizonMs, series.endsAt?.getTime() ?? Infinity);
  return nextOccurrences(series.cron, series.timezone, from, maxPerSeries).filter((at) => at.getTime() <= until);
}

export async function materializeOne(db: Db, driver: SchedulerDriver, series: PublishSeries, now = new Date(), actor: Actor = systemActor): Promise<PublishJob[]> {
  if (series.status !== "active") return [];
  const wanted = dueOccurrences(series, now);
  if (!wanted.length) return [];
  const created = await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(and(eq(accounts.id, series.accountId), eq(accounts.workspaceId, series.workspaceId))).limit(1);
    // A paused or archived account gets no new jobs; they appear again once it is active.
    if (!account || account.archivedAt || account.status !== "active") return [];
    const keys = wanted.map((at) => occurrenceKey(series.id, at));
    const existing = await tx
      .select({ key: publishJobs.idempotencyKey })
      .from(publishJobs)
      .where(and(eq(publishJobs.workspaceId, series.workspaceId), inArray(publishJobs.idempotencyKey, keys)));
    const have = new Set(existing.map((r) => r.key));
    const values = wanted
      .filter((at) => !have.has(occurrenceKey(series.id, at)))
      .map((at) => ({
        id: newId("job"),
        workspaceId: series.workspaceId,
        accountId: series.accountId,
        draftId: series.draftId,
        seriesId: series.id,
        snapshot: series.snapshot,
        runAt: at,
        idempotencyKey: occurrenceKey(series.id, at),
        createdBy: series.createdBy,
      }));
    if (!values.length) return [];
    const rows = await tx.insert(publishJobs).values(values).onConflictDoNothing().returning();
    await recordAudit(tx, { ...actor, workspaceId: series.workspaceId }, {
      action: "series.materialize",
      targetType: "publish_series",
      targetId: series.id,
      after: { jobs: rows.length, first: rows[0]?.runAt, last: rows.at(-1)?.runAt },
    });
    return rows;
  });
  const out: PublishJob[] = [];
  for (const job of created) {
    const messageId = await driver.enqueue({ jobId: job.id, workspaceId: job.workspaceId, version: job.version, runAt: job.runAt });
    if (!messageId) out.push(job);
    else out.push((await db.update(publishJobs).set({ schedulerMessageId: messageId }).where(eq(publishJobs.id, job.id)).returning())[0]);
  }
  return out;
}

/** Called from the sweep: every active series in every workspace. One broken series does not stop the others. */
export async function materializeSeries(db: Db, driver: SchedulerDriver, now = new Date()): Promise<{ series: number; created: number }> {
  const active = await db.select().from(publishSeries).where(eq(publishSeries.status, "active"));
  let created = 0;
  for (const series of active) {
    try {
      created += (await materializeOne(db, driver, series, now)).length;
    } catch (err) {
      // Left for the next sweep; one series' bad data (e.g. a zone gone from the runtime) must not block the rest.
      getLogger().warn({ err, seriesId: series.id }, "series materialisation failed");
    }
  }
  return { series: active.length, created };
}
