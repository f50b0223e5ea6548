/**
 * Series under the QStash driver: a QStash schedule (cron in the series' zone) calls
 * POST /api/webhooks/series at each occurrence, and the webhook makes that one occurrence's job
 * (rules applied) and hands it to the driver like any job, so it goes through the same publish
 * webhook, claim and exactly-once path. The schedule id is stored on the series; the sweep
 * makes a missing one (a series created under the embedded driver, or a failed create).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishSeries, type PublishSeries } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { getLogger } from "@/lib/observability/logger";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { nextOccurrences } from "../recurrence";
import { materializeAt } from "./materialize-series";
import { idSchema } from "@/lib/validation/id-schema";

/** How late a schedule's call may arrive (QStash retries) and still make its occurrence. */
const lateToleranceMs = 15 * 60_000;
const earlyToleranceMs = 60_000;

/** Makes (or replaces) the series' schedule when the driver has schedules; stores its id. Never throws: the sweep tries again. */
export async function ensureSeriesSchedule(db: Db, driver: SchedulerDriver, series: PublishSeries, options: { replace?: boolean } = {}): Promise<string | null> {
  if (series.status !== "active" || (series.schedulerScheduleId && !options.replace)) return series.schedulerScheduleId;
  try {
    const scheduleId = await driver.scheduleSeries({ seriesId: series.id, workspaceId: series.workspaceId, cron: series.cron, timezone: series.timezone });
    if (scheduleId !== series.schedulerScheduleId) await db.update(publishSeries).set({ schedulerScheduleId: scheduleId }).where(eq(publishSeries.id, series.id));
    return scheduleId;
  } catch (err) {
    getLogger().warn({ err, seriesId: series.id }, "could not create the series schedule");
    return null;
  }
}

export async function removeSeriesSchedule(db: Db, driver: SchedulerDriver, series: PublishSeries): Promise<void> {
  if (!series.schedulerScheduleId) return;
  await driver.unscheduleSeries(series.schedulerScheduleId);
  await db.update(publishSeries).set({ schedulerScheduleId: null }).where(eq(publishSeries.id, series.id));
}

/** The occurrence a schedule call at `now` stands for: the latest one within the tolerance window. */
export function currentOccurrence(series: PublishSeries, now: Date): Date | null {
  const from = new Date(Math.max(now.getTime() - lateToleranceMs, series.startsAt.getTime() - 1));
  const at = nextOccurrences(series.cron, series.timezone, from, 50).filter((t) => t.getTime() <= now.getTime() + earlyToleranceMs).at(-1);
  if (!at || (series.endsAt && at > series.endsAt)) return null;
  return at;
}

export const seriesDeliverySchema = z.object({ seriesId: idSchema, workspaceId: idSchema }).strict();

/** One verified series delivery (lib/jobs/registry.ts): the occurrence due now becomes a job. */
export async function handleSeriesDelivery(db: Db, driver: SchedulerDriver, delivery: z.infer<typeof seriesDeliverySchema>, now = new Date()) {
  const [series] = await db.select().from(publishSeries).where(and(eq(publishSeries.id, delivery.seriesId), eq(publishSeries.workspaceId, delivery.workspaceId))).limit(1);
  if (!series) throw new AppError("NOT_FOUND");
  if (series.status !== "active") return { result: "stopped" as const, jobId: null };
  const at = currentOccurrence(series, now);
  if (!at) return { result: "no_occurrence" as const, jobId: null };
  const [job] = await materializeAt(db, driver, series, [at], now);
  // No new job: this occurrence was made before (a retried call) or the account is not active.
  if (!job) return { result: "unchanged" as const, jobId: null };
  return { result: job.planNote?.action ?? ("planned" as const), jobId: job.id };
}
