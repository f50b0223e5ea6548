/**
 * POST /api/webhooks/publish: one delivery of a publish job, from QStash or the embedded
 * dispatcher (same signature, same path). A job of another workspace, or unknown, is a 404.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishJobs } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { publishWebhookPath, type SchedulerDriver } from "./drivers/scheduler-driver";
import { publishThroughAccount } from "./publish-job-note";
import { runPublishJob } from "./run-publish-job";
import { verifyWebhook } from "./verify-webhook";
import { idSchema } from "@/lib/validation/id-schema";

export const deliverySchema = z.object({ jobId: idSchema, workspaceId: idSchema, version: z.number().int().min(1) }).strict();

async function jobExists(db: Db, delivery: { jobId: string; workspaceId: string }): Promise<boolean> {
  const [job] = await db
    .select({ id: publishJobs.id })
    .from(publishJobs)
    .where(and(eq(publishJobs.id, delivery.jobId), eq(publishJobs.workspaceId, delivery.workspaceId)))
    .limit(1);
  return Boolean(job);
}

export async function handlePublishWebhook(db: Db, driver: SchedulerDriver, req: Request) {
  const delivery = await verifyWebhook(req, publishWebhookPath, deliverySchema);
  // The claim is scoped to the workspace, so the lookup that tells a 404 from a duplicate is
  // needed only when nothing was claimed (not on every delivery).
  const outcome = await runPublishJob(db, delivery, publishThroughAccount(db));
  if (outcome.result === "skipped" && !(await jobExists(db, delivery))) throw new AppError("NOT_FOUND");
  if (outcome.result !== "skipped" && outcome.notifications.length) {
    // After the answer, not before it: the rows are committed, so the dispatcher or the sweep
    // sends them if this process dies first.
    void deliverOutbox(db, { ids: outcome.notifications });
  }
  if (outcome.result === "retry") {
    const messageId = await driver.enqueue({ ...delivery, version: outcome.job.version, runAt: outcome.job.runAt });
    if (messageId) await db.update(publishJobs).set({ schedulerMessageId: messageId }).where(eq(publishJobs.id, delivery.jobId));
  }
  return { result: outcome.result };
}
