/**
 * Series under the QStash driver: a QStash schedule (cron in the series' zone) calls
 * POST /api/webhooks/series at each occurrence (series-delivery.ts makes that occurrence's job).
 * The schedule id is stored on the series; the sweep makes a missing one (a series created
 * under the embedded driver, or a failed create).
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { publishSeries, type PublishSeries } from "@/db/schema";
import { getLogger } from "@/lib/observability/logger";
import type { SchedulerDriver } from "../drivers/scheduler-driver";

/** Makes (or replaces) the series' schedule when the driver has schedules; stores its id. Never throws: the sweep tries again. */
export async function ensureSeriesSchedule(
  db: Db,
  driver: SchedulerDriver,
  series: PublishSeries,
  options: { replace?: boolean } = {},
): Promise<string | null> {
  if (series.status !== "active" || (series.schedulerScheduleId && !options.replace)) return series.schedulerScheduleId;
  try {
    const scheduleId = await driver.scheduleSeries({
      seriesId: series.id,
      workspaceId: series.workspaceId,
      cron: series.cron,
      timezone: series.timezone,
    });
    if (scheduleId !== series.schedulerScheduleId)
      await db.update(publishSeries).set({ schedulerScheduleId: scheduleId }).where(eq(publishSeries.id, series.id));
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
