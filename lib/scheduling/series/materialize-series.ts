/**
 * Turns series occurrences into publish_jobs. With the embedded driver the next 14 days are kept
 * as jobs (from create, update and every sweep); with QStash a schedule calls the series webhook
 * at each occurrence and only that one is made (series-schedule.ts). Either way each occurrence
 * obeys the account's daily cap, spacing and slots (plan-occurrences.ts): shifted or skipped
 * with a recorded reason. The idempotency key `series:<id>:<occurrence ISO>` makes it safe to
 * run any number of times: an occurrence that already has a job — even a canceled or skipped
 * one, so a single canceled occurrence stays canceled — is not made again.
 */
import { and, eq, gte, inArray, lte, notInArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accounts, publishJobs, publishSeries, type PublishJob, type PublishSeries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { getLogger } from "@/lib/observability/logger";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { dispatchAfterCommit } from "../dispatch/dispatch-deliveries";
import { requestDeliveries } from "../dispatch/request-delivery";
import { nextOccurrences } from "../recurrence";
import { accountRules } from "../slot-rules";
import { planOccurrences } from "./plan-occurrences";
import { ensureSeriesSchedule } from "./series-schedule";

export const materializeHorizonMs = 14 * 86_400_000;
const maxPerSeries = 500;
const dayMs = 86_400_000;

export const occurrenceKey = (seriesId: string, at: Date) => `series:${seriesId}:${at.toISOString()}`;

type Actor = { userId: string | null; userName: string; ip?: string; requestId?: string };
const systemActor: Actor = { userId: null, userName: "scheduler" };

export function dueOccurrences(series: PublishSeries, now: Date): Date[] {
  const from = new Date(Math.max(now.getTime(), series.startsAt.getTime() - 1));
  const until = Math.min(now.getTime() + materializeHorizonMs, series.endsAt?.getTime() ?? Infinity);
  return nextOccurrences(series.cron, series.timezone, from, maxPerSeries).filter((at) => at.getTime() <= until);
}

/** The account's other posts around these times (a day either side), as the rules count them. */
async function takenTimes(tx: DbOrTx, accountId: string, wanted: Date[]): Promise<Date[]> {
  const rows = await tx
    .select({ runAt: publishJobs.runAt })
    .from(publishJobs)
    .where(
      and(
        eq(publishJobs.accountId, accountId),
        gte(publishJobs.runAt, new Date(wanted[0].getTime() - dayMs)),
        lte(publishJobs.runAt, new Date(wanted[wanted.length - 1].getTime() + dayMs)),
        notInArray(publishJobs.status, ["canceled", "failed"]),
      ),
    );
  return rows.map((r) => r.runAt);
}

/** Makes jobs for these occurrences of the series (those not made before); returns the new ones, skipped ones included. */
export async function materializeAt(
  db: Db,
  driver: SchedulerDriver,
  series: PublishSeries,
  wanted: Date[],
  now = new Date(),
  actor: Actor = systemActor,
): Promise<PublishJob[]> {
  if (series.status !== "active" || !wanted.length) return [];
  let outbox: string[] = [];
  const created = await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(accounts)
      .where(and(eq(accounts.id, series.accountId), eq(accounts.workspaceId, series.workspaceId)))
      .limit(1);
    // A paused or archived account gets no new jobs; they appear again once it is active.
    if (!account || account.archivedAt || account.status !== "active") return [];
    const keys = wanted.map((at) => occurrenceKey(series.id, at));
    const existing = await tx
      .select({ key: publishJobs.idempotencyKey })
      .from(publishJobs)
      .where(and(eq(publishJobs.workspaceId, series.workspaceId), inArray(publishJobs.idempotencyKey, keys)));
    const have = new Set(existing.map((r) => r.key));
    const fresh = wanted.filter((at) => !have.has(occurrenceKey(series.id, at)));
    if (!fresh.length) return [];
    const planned = planOccurrences(fresh, await takenTimes(tx, account.id, fresh), accountRules(account, series.timezone));
    const values = planned.map(({ at, runAt, note }) => ({
      id: newId("job"),
      workspaceId: series.workspaceId,
      accountId: series.accountId,
      draftId: series.draftId,
      seriesId: series.id,
      snapshot: series.snapshot,
      runAt,
      planNote: note,
      // A skipped occurrence is kept as a canceled job: it says why, and is not made again.
      ...(note?.action === "skipped" ? { status: "canceled" as const, finishedAt: now } : {}),
      idempotencyKey: occurrenceKey(series.id, at),
      createdBy: series.createdBy,
    }));
    const rows = await tx.insert(publishJobs).values(values).onConflictDoNothing().returning();
    await recordAudit(
      tx,
      { ...actor, workspaceId: series.workspaceId },
      {
        action: "series.materialize",
        targetType: "publish_series",
        targetId: series.id,
        after: {
          jobs: rows.length,
          first: rows[0]?.runAt,
          last: rows.at(-1)?.runAt,
          shifted: planned.filter((p) => p.note?.action === "shifted").length,
          skipped: planned.filter((p) => p.note?.action === "skipped").length,
        },
      },
    );
    // Their delivery requests commit with them (the publish outbox) and are sent just after.
    outbox = await requestDeliveries(
      tx,
      driver,
      rows.filter((job) => job.status === "scheduled"),
      now,
    );
    return rows;
  });
  const dispatch = await dispatchAfterCommit(db, driver, outbox);
  if (!dispatch.sent) return created;
  const fresh = new Map(
    (
      await db
        .select()
        .from(publishJobs)
        .where(
          inArray(
            publishJobs.id,
            created.map((job) => job.id),
          ),
        )
    ).map((job) => [job.id, job]),
  );
  return created.map((job) => fresh.get(job.id) ?? job);
}

/** The embedded top-up: every occurrence of the next 14 days. */
export async function materializeOne(
  db: Db,
  driver: SchedulerDriver,
  series: PublishSeries,
  now = new Date(),
  actor: Actor = systemActor,
): Promise<PublishJob[]> {
  return materializeAt(db, driver, series, dueOccurrences(series, now), now, actor);
}

/**
 * Called from the sweep: every active series in every workspace. With QStash, a series is
 * driven by its schedule (made here when missing); otherwise its next 14 days are topped up.
 * One broken series does not stop the others.
 */
export async function materializeSeries(db: Db, driver: SchedulerDriver, now = new Date()): Promise<{ series: number; created: number }> {
  const active = await db.select().from(publishSeries).where(eq(publishSeries.status, "active"));
  let created = 0;
  for (const series of active) {
    try {
      if (driver.name === "qstash") await ensureSeriesSchedule(db, driver, series);
      else created += (await materializeOne(db, driver, series, now)).length;
    } catch (err) {
      // Left for the next sweep; one series' bad data (e.g. a zone gone from the runtime) must not block the rest.
      getLogger().warn({ err, seriesId: series.id }, "series materialisation failed");
    }
  }
  return { series: active.length, created };
}
