/**
 * POST /api/webhooks/publish: one delivery of a publish job, from QStash or the embedded
 * dispatcher (same signature, same path). A job of another workspace, or unknown, is a 404.
 * Any 2xx answer tells QStash the message is delivered (it never retries it), so a delivery
 * that arrives before the job is due is not simply skipped: a new delivery attempt is asked for
 * at the job's time (`early`), else the job would wait for the sweep.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishJobs } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { dispatchAfterCommit } from "./dispatch/dispatch-deliveries";
import { requestDeliveries } from "./dispatch/request-delivery";
import type { DeliveryPayload, SchedulerDriver } from "./drivers/scheduler-driver";
import type { PublishFn } from "./publish-outcome";
import { runPublishJob } from "./run-publish-job";
import { idSchema } from "@/lib/validation/id-schema";

export const deliverySchema = z.object({ jobId: idSchema, workspaceId: idSchema, version: z.number().int().min(1) }).strict();

async function findJob(db: Db, delivery: { jobId: string; workspaceId: string }) {
  const [job] = await db
    .select({
      id: publishJobs.id,
      workspaceId: publishJobs.workspaceId,
      status: publishJobs.status,
      version: publishJobs.version,
      runAt: publishJobs.runAt,
    })
    .from(publishJobs)
    .where(and(eq(publishJobs.id, delivery.jobId), eq(publishJobs.workspaceId, delivery.workspaceId)))
    .limit(1);
  return job;
}

/** Writes and sends a new delivery attempt of a job at runAt (nothing with the embedded driver, whose dispatcher polls). */
async function deliverAgain(db: Db, driver: SchedulerDriver, job: { id: string; workspaceId: string; version: number; runAt: Date }) {
  const ids = await db.transaction((tx) => requestDeliveries(tx, driver, [job]));
  await dispatchAfterCommit(db, driver, ids);
}

/** A verified delivery: claim and publish, then whatever the outcome asks of the scheduler. */
export async function handleDelivery(db: Db, driver: SchedulerDriver, delivery: DeliveryPayload, publish: PublishFn) {
  // The claim is scoped to the workspace, so the lookup that tells a 404 from a duplicate is
  // needed only when nothing was claimed (not on every delivery).
  const outcome = await runPublishJob(db, delivery, publish);
  if (outcome.result === "skipped") {
    const job = await findJob(db, delivery);
    if (!job) throw new AppError("NOT_FOUND");
    if (job.status === "scheduled" && job.version === delivery.version && job.runAt.getTime() > Date.now()) {
      await deliverAgain(db, driver, job);
      return { result: "early" as const };
    }
    return { result: outcome.result };
  }
  if (outcome.notifications.length) {
    // After the answer, not before it: the rows are committed, so the dispatcher or the sweep
    // sends them if this process dies first.
    void deliverOutbox(db, { ids: outcome.notifications });
  }
  // A retry is due later: its delivery is asked for here. If this process dies first, the job
  // is past its time unclaimed, and the sweep asks for it.
  if (outcome.result === "retry") await deliverAgain(db, driver, outcome.job);
  return { result: outcome.result };
}
