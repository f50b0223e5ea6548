/**
 * POST /api/webhooks/series, verified (lib/jobs/registry.ts): the occurrence a schedule call
 * stands for becomes that one occurrence's job (rules applied), handed to the driver like any
 * job, so it goes through the same publish webhook, claim and exactly-once path.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishSeries, type PublishSeries } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { idSchema } from "@/lib/validation/id-schema";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { nextOccurrences } from "../recurrence";
import { materializeAt } from "./materialize-series";

/** How late a schedule's call may arrive (QStash retries) and still make its occurrence. */
const lateToleranceMs = 15 * 60_000;
const earlyToleranceMs = 60_000;

/** The occurrence a schedule call at `now` stands for: the latest one within the tolerance window. */
export function currentOccurrence(series: PublishSeries, now: Date): Date | null {
  const from = new Date(Math.max(now.getTime() - lateToleranceMs, series.startsAt.getTime() - 1));
  const at = nextOccurrences(series.cron, series.timezone, from, 50)
    .filter((t) => t.getTime() <= now.getTime() + earlyToleranceMs)
    .at(-1);
  if (!at || (series.endsAt && at > series.endsAt)) return null;
  return at;
}

export const seriesDeliverySchema = z.object({ seriesId: idSchema, workspaceId: idSchema }).strict();

/** One verified series delivery (lib/jobs/registry.ts): the occurrence due now becomes a job. */
export async function handleSeriesDelivery(
  db: Db,
  driver: SchedulerDriver,
  delivery: z.infer<typeof seriesDeliverySchema>,
  now = new Date(),
) {
  const [series] = await db
    .select()
    .from(publishSeries)
    .where(and(eq(publishSeries.id, delivery.seriesId), eq(publishSeries.workspaceId, delivery.workspaceId)))
    .limit(1);
  if (!series) throw new AppError("NOT_FOUND");
  if (series.status !== "active") return { result: "stopped" as const, jobId: null };
  const at = currentOccurrence(series, now);
  if (!at) return { result: "no_occurrence" as const, jobId: null };
  const [job] = await materializeAt(db, driver, series, [at], now);
  // No new job: this occurrence was made before (a retried call) or the account is not active.
  if (!job) return { result: "unchanged" as const, jobId: null };
  return { result: job.planNote?.action ?? ("planned" as const), jobId: job.id };
}
