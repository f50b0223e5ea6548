/**
 * The two other scheduling webhooks. Sweep (every 5 minutes): ask for a new delivery attempt of
 * due jobs that never arrived (or fail them visibly after several), send the publish outbox's
 * pending requests (QStash was down or limiting), move stuck jobs to unconfirmed, and re-create
 * missing QStash schedules. Dead letter (QStash's failure callback, after it
 * gave up delivering): the job is marked failed with the reason, for a person to retry.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishJobs } from "@/db/schema";
import { runPendingReembedJobs } from "@/lib/memory/vectors/reembed-job";
import { recordAudit } from "@/lib/audit/record-audit";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { deliverySchema } from "./handle-publish-webhook";
import { dispatchDeliveries } from "./dispatch/dispatch-deliveries";
import { redeliverLostJobs } from "./dispatch/redeliver-lost";
import { materializeSeries } from "./series/materialize-series";
import { sweepJobs } from "./sweep";
import { keepSchedules } from "./qstash-schedules";
import { getEnv } from "@/lib/env";

/** The sweep, called on a clock (lib/jobs/registry.ts verifies the call). */
export async function runSweep(db: Db, driver: SchedulerDriver) {
  const { lost, unconfirmed } = await sweepJobs(db);
  const redelivery = await redeliverLostJobs(db, driver, lost);
  const dispatch = await dispatchDeliveries(db, driver);
  const series = await materializeSeries(db, driver);
  // Channel notifications a crash left unsent, and retries that are due (QStash mode has no dispatcher).
  const notificationsSent = await deliverOutbox(db);
  // With QStash there is no in-process dispatcher: the sweep also advances memory re-embedding.
  const reembed = await runPendingReembedJobs(db, { budgetMs: 5_000 });
  const env = getEnv();
  if (env.scheduler.driver === "qstash") await keepSchedules(env.scheduler, env.appUrl, { minGapMs: 30 * 60_000 });
  return {
    redelivered: redelivery.redelivered,
    notDelivered: redelivery.failed,
    dispatch,
    unconfirmed,
    seriesJobsCreated: series.created,
    notificationsSent,
    reembedJobsRunning: reembed.running,
  };
}

export const failureSchema = z
  .object({ status: z.number().optional(), sourceMessageId: z.string().optional(), sourceBody: z.string() })
  .passthrough();

/** QStash's failure callback for a publish message it gave up on (verified by lib/jobs/registry.ts). */
export async function recordDeadLetter(db: Db, failure: z.infer<typeof failureSchema>) {
  const delivery = deliverySchema.safeParse(JSON.parse(Buffer.from(failure.sourceBody, "base64").toString("utf8") || "null"));
  if (!delivery.success) return { recorded: false };
  const { jobId, workspaceId, version } = delivery.data;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(publishJobs)
      .set({
        status: "failed",
        finishedAt: new Date(),
        lastErrorCode: "DEAD_LETTER",
        lastErrorMessage: `QStash gave up delivering (last status ${failure.status ?? "unknown"})`,
      })
      .where(
        and(
          eq(publishJobs.id, jobId),
          eq(publishJobs.workspaceId, workspaceId),
          eq(publishJobs.version, version),
          inArray(publishJobs.status, ["scheduled"]),
        ),
      )
      .returning({ id: publishJobs.id });
    await recordAudit(
      tx,
      { userId: "system", userName: "scheduler", workspaceId },
      {
        action: "publish.dead_letter",
        targetType: "publish_job",
        targetId: jobId,
        after: { messageId: failure.sourceMessageId, status: failure.status },
      },
    );
    return { recorded: rows.length > 0 };
  });
}
