/**
 * Puts a note on the schedule for one account: validates the time and the account, stores the
 * job with its frozen snapshot and an idempotency key (the same request twice makes one job)
 * and, in the same transaction, its request for a delivery at run_at (the publish outbox); the
 * request is sent to the scheduler after the commit. If QStash is down or limiting, the job is
 * scheduled all the same and the outbox keeps trying (`scheduler` says so).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { publishJobs, type PublishJob } from "@/db/schema";
import { getAccount } from "@/lib/accounts/queries";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { idSchema } from "@/lib/validation/id-schema";
import { dispatchAfterCommit, type DispatchResult } from "./dispatch/dispatch-deliveries";
import { requestDeliveries } from "./dispatch/request-delivery";
import { schedulerNotice, type SchedulerNotice } from "./dispatch/scheduler-notice";

const maxAheadMs = 366 * 86_400_000;
const pastToleranceMs = 60_000;

export const noteSnapshotSchema = z
  .object({
    title: z.string().max(200),
    body: z.string().max(20_000),
    topics: z.array(z.string().max(40)).max(30),
    images: z.array(z.string().max(2000)).max(30),
    video: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const createPublishJobSchema = z
  .object({
    accountId: idSchema,
    draftId: idSchema.optional(),
    snapshot: noteSnapshotSchema,
    runAt: z.coerce.date(),
    idempotencyKey: z.string().min(8).max(200).optional(),
    batchId: z.string().min(1).max(100).optional(),
  })
  .strict();

type NewJob = {
  accountId: string;
  draftId?: string | null;
  batchId?: string | null;
  snapshot: z.infer<typeof noteSnapshotSchema>;
  runAt: Date;
  idempotencyKey: string;
};

/**
 * Inside the caller's transaction: the job (or the one already made with this idempotency key)
 * and, for a new one, its delivery request. outbox: the ids of the requests to send after commit.
 */
export async function insertPublishJob(
  tx: DbOrTx,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  input: NewJob,
  now = new Date(),
): Promise<{ job: PublishJob; created: boolean; outbox: string[] }> {
  const [existing] = await tx
    .select()
    .from(publishJobs)
    .where(and(eq(publishJobs.workspaceId, ctx.workspaceId), eq(publishJobs.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  if (existing) return { job: existing, created: false, outbox: [] };
  const [row] = await tx
    .insert(publishJobs)
    .values({
      id: newId("job"),
      workspaceId: ctx.workspaceId,
      accountId: input.accountId,
      draftId: input.draftId ?? null,
      batchId: input.batchId ?? null,
      snapshot: input.snapshot,
      runAt: input.runAt,
      idempotencyKey: input.idempotencyKey,
      createdBy: ctx.userId,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "schedules.create",
    targetType: "publish_job",
    targetId: row.id,
    after: { accountId: input.accountId, runAt: input.runAt, title: input.snapshot.title },
  });
  return { job: row, created: true, outbox: await requestDeliveries(tx, driver, [row], now) };
}

/** Sends the committed delivery requests and returns the jobs as stored afterwards (with their message ids). */
export async function sendAfterCommit(
  db: Db,
  driver: SchedulerDriver,
  jobs: PublishJob[],
  outbox: string[],
): Promise<{ jobs: PublishJob[]; dispatch: DispatchResult }> {
  const dispatch = await dispatchAfterCommit(db, driver, outbox);
  if (!dispatch.sent) return { jobs, dispatch };
  const fresh = await Promise.all(
    jobs.map(async (job) => (await db.select().from(publishJobs).where(eq(publishJobs.id, job.id)).limit(1))[0] ?? job),
  );
  return { jobs: fresh, dispatch };
}

export async function createPublishJob(
  db: Db,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  input: z.infer<typeof createPublishJobSchema>,
  now = new Date(),
): Promise<PublishJob & { scheduler?: SchedulerNotice }> {
  if (input.runAt.getTime() < now.getTime() - pastToleranceMs)
    throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["In the past"] } });
  if (input.runAt.getTime() > now.getTime() + maxAheadMs)
    throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["More than a year ahead"] } });
  const account = await getAccount(db, ctx, input.accountId);
  if (!account || account.archivedAt) throw new AppError("NOT_FOUND");
  if (account.status !== "active") throw new AppError("UNPROCESSABLE", { fieldErrors: { accountId: [`Account is ${account.status}`] } });

  const idempotencyKey = input.idempotencyKey ?? newId("idem");
  const made = await db.transaction((tx) => insertPublishJob(tx, driver, ctx, { ...input, accountId: account.id, idempotencyKey }));
  if (!made.created) return made.job;
  const { jobs, dispatch } = await sendAfterCommit(db, driver, [made.job], made.outbox);
  return { ...jobs[0], scheduler: schedulerNotice(driver, dispatch) };
}

export async function cancelPublishJob(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, jobId: string): Promise<PublishJob> {
  const canceled = await db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(publishJobs)
      .where(and(eq(publishJobs.id, jobId), eq(publishJobs.workspaceId, ctx.workspaceId)))
      .limit(1);
    if (!job || (ctx.accountIds && !ctx.accountIds.includes(job.accountId))) throw new AppError("NOT_FOUND");
    if (job.status !== "scheduled")
      throw new AppError("CONFLICT", { detail: `cannot cancel a ${job.status} job`, fieldErrors: { status: [`Job is ${job.status}`] } });
    const [row] = await tx
      .update(publishJobs)
      .set({ status: "canceled", finishedAt: new Date() })
      .where(and(eq(publishJobs.id, jobId), eq(publishJobs.status, "scheduled")))
      .returning();
    if (!row) throw new AppError("CONFLICT");
    await recordAudit(tx, ctx, { action: "schedules.cancel", targetType: "publish_job", targetId: jobId, before: { status: job.status } });
    return row;
  });
  await driver.cancel(canceled.schedulerMessageId);
  return canceled;
}
