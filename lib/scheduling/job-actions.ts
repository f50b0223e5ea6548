/**
 * What people do with a job after it was scheduled: move it (drag on the calendar), retry a
 * failed or unconfirmed one, record that it is in fact live (with its URL), or cancel it.
 * Each bumps the job version, so deliveries already on their way for the old time do nothing.
 * A move or retry writes its delivery request in the same transaction (the publish outbox) and
 * sends it after the commit: a scheduler that is down or limiting does not undo or fail the move.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { publishJobs, type PublishJob, type PublishJobStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { dispatchAfterCommit } from "./dispatch/dispatch-deliveries";
import { schedulerNotice, type SchedulerNotice } from "./dispatch/scheduler-notice";
import { requestDeliveries } from "./dispatch/request-delivery";
import { webUrlSchema } from "@/lib/validation/web-url";
import { idSchema } from "@/lib/validation/id-schema";

export const rescheduleSchema = z.object({ jobId: idSchema, runAt: z.coerce.date() }).strict();
export const markPublishedSchema = z.object({ jobId: idSchema, url: webUrlSchema() }).strict();

async function loadJob(tx: DbOrTx, ctx: WorkspaceContext, jobId: string): Promise<PublishJob> {
  const [job] = await tx
    .select()
    .from(publishJobs)
    .where(and(eq(publishJobs.id, jobId), eq(publishJobs.workspaceId, ctx.workspaceId)))
    .limit(1);
  if (!job || (ctx.accountIds && !ctx.accountIds.includes(job.accountId))) throw new AppError("NOT_FOUND");
  return job;
}

async function transition(
  db: Db,
  ctx: WorkspaceContext,
  jobId: string,
  from: PublishJobStatus[],
  changes: (job: PublishJob) => Partial<typeof publishJobs.$inferInsert>,
  action: string,
  deliverWith?: SchedulerDriver,
): Promise<PublishJob & { outbox?: string[] }> {
  return db.transaction(async (tx) => {
    const job = await loadJob(tx, ctx, jobId);
    if (!from.includes(job.status)) throw new AppError("CONFLICT", { fieldErrors: { status: [`Job is ${job.status}`] } });
    const [row] = await tx
      .update(publishJobs)
      .set({ ...changes(job), version: sql`${publishJobs.version} + 1` })
      .where(and(eq(publishJobs.id, jobId), inArray(publishJobs.status, from)))
      .returning();
    if (!row) throw new AppError("CONFLICT");
    await recordAudit(tx, ctx, {
      action,
      targetType: "publish_job",
      targetId: jobId,
      before: { status: job.status, runAt: job.runAt },
      after: { status: row.status, runAt: row.runAt },
    });
    return deliverWith ? { ...row, outbox: await requestDeliveries(tx, deliverWith, [row]) } : row;
  });
}

/** Sends the job's committed delivery request; the job as stored afterwards, and whether the scheduler took it. */
async function enqueue(
  db: Db,
  driver: SchedulerDriver,
  job: PublishJob & { outbox?: string[] },
): Promise<PublishJob & { scheduler: SchedulerNotice }> {
  const { outbox = [], ...row } = job;
  const dispatch = await dispatchAfterCommit(db, driver, outbox);
  const [stored] = dispatch.sent ? await db.select().from(publishJobs).where(eq(publishJobs.id, row.id)).limit(1) : [row];
  return { ...(stored ?? row), scheduler: schedulerNotice(driver, dispatch) };
}

export async function rescheduleJob(
  db: Db,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  input: z.infer<typeof rescheduleSchema>,
  now = new Date(),
) {
  if (input.runAt.getTime() < now.getTime() - 60_000) throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["In the past"] } });
  const previous = await loadJob(db, ctx, input.jobId);
  const job = await transition(db, ctx, input.jobId, ["scheduled"], () => ({ runAt: input.runAt }), "schedules.reschedule", driver);
  await driver.cancel(previous.schedulerMessageId).catch(() => undefined); // a stale delivery claims nothing anyway
  return enqueue(db, driver, job);
}

export async function retryJob(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, jobId: string, now = new Date()) {
  const job = await transition(
    db,
    ctx,
    jobId,
    ["failed", "unconfirmed"],
    () => ({
      status: "scheduled",
      runAt: now,
      attempts: 0,
      claimedAt: null,
      finishedAt: null,
      lastErrorCode: null,
      lastErrorMessage: null,
    }),
    "schedules.retry",
    driver,
  );
  return enqueue(db, driver, job);
}

export async function markJobPublished(db: Db, ctx: WorkspaceContext, input: z.infer<typeof markPublishedSchema>, now = new Date()) {
  return transition(
    db,
    ctx,
    input.jobId,
    ["unconfirmed", "failed"],
    () => ({ status: "published", remoteUrl: input.url, finishedAt: now, lastErrorCode: null, lastErrorMessage: null }),
    "schedules.mark_published",
  );
}
