/**
 * The sweep's answer to a job past its time that nobody claimed (QStash mode): ask for a new
 * delivery attempt (a new deduplication id; resending the old id would be deduplicated and
 * enqueue nothing), unless a send of it is still pending in the outbox. A job must not stay
 * `scheduled` past its time for ever: after `maxDeliveries` attempts sent without one arriving,
 * or `maxSendTries` failed sends to QStash, it is marked failed and everyone who can act on it
 * is told (in the app and on the workspace's channels), for a person to retry.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { publishDispatches, publishJobs, type PublishJob } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueNotification } from "@/lib/notifications/channels/notification-outbox";
import { notify, usersWithPermission } from "@/lib/notifications/notifications";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { requestDeliveries } from "./request-delivery";

export const redeliveryDefaults = { maxDeliveries: 4, maxSendTries: 8 };

export type RedeliveryResult = { redelivered: number; waiting: number; failed: number; notifications: string[] };

export async function redeliverLostJobs(
  db: Db,
  driver: SchedulerDriver,
  lost: PublishJob[],
  now = new Date(),
  limits = redeliveryDefaults,
): Promise<RedeliveryResult> {
  const result: RedeliveryResult = { redelivered: 0, waiting: 0, failed: 0, notifications: [] };
  if (driver.name === "embedded" || lost.length === 0) return result;
  const rows = await db
    .select()
    .from(publishDispatches)
    .where(
      inArray(
        publishDispatches.jobId,
        lost.map((j) => j.id),
      ),
    );
  await db.transaction(async (tx) => {
    const again: PublishJob[] = [];
    for (const job of lost) {
      const mine = rows.filter((r) => r.jobId === job.id && r.version === job.version);
      const pending = mine.find((r) => r.status === "pending");
      const sent = mine.filter((r) => r.status === "sent").length;
      if (pending && pending.tries >= limits.maxSendTries) {
        result.notifications.push(
          ...(await failUndelivered(
            tx,
            job,
            "SCHEDULER_UNAVAILABLE",
            `The scheduler (QStash) could not take the job after ${pending.tries} tries: ${pending.lastError ?? "unknown error"}`,
            now,
          )),
        );
        result.failed++;
      } else if (pending) {
        result.waiting++;
      } else if (sent >= limits.maxDeliveries) {
        result.notifications.push(
          ...(await failUndelivered(tx, job, "NOT_DELIVERED", `QStash accepted ${sent} deliveries of this job and none arrived.`, now)),
        );
        result.failed++;
      } else {
        again.push(job);
      }
    }
    await requestDeliveries(tx, driver, again, now, now);
    result.redelivered = again.length;
  });
  return result;
}

/** Marks a job that was never delivered as failed (only if still scheduled at that version) and tells people. */
async function failUndelivered(tx: DbOrTx, job: PublishJob, code: string, message: string, now: Date): Promise<string[]> {
  const [row] = await tx
    .update(publishJobs)
    .set({ status: "failed", finishedAt: now, lastErrorCode: code, lastErrorMessage: message })
    .where(and(eq(publishJobs.id, job.id), eq(publishJobs.status, "scheduled"), eq(publishJobs.version, job.version)))
    .returning({ id: publishJobs.id });
  if (!row) return [];
  await tx
    .update(publishDispatches)
    .set({ status: "dropped" })
    .where(and(eq(publishDispatches.jobId, job.id), eq(publishDispatches.status, "pending")));
  await recordAudit(
    tx,
    { userId: "system", userName: "scheduler", workspaceId: job.workspaceId },
    { action: "publish.not_delivered", targetType: "publish_job", targetId: job.id, after: { code, reason: message } },
  );
  const people = await usersWithPermission(tx, job.workspaceId, "schedules.write");
  const payload = { title: job.snapshot.title, jobId: job.id, accountId: job.accountId, reason: message };
  await notify(tx, job.workspaceId, job.createdBy ? [...people, job.createdBy] : people, "publish_failed", { ...payload, by: "" });
  return enqueueNotification(tx, job.workspaceId, { kind: "publish_failed", payload });
}
