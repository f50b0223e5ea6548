/**
 * Puts a note on the schedule for one account: validates the time and the account, stores the
 * job with its frozen snapshot and an idempotency key (the same request twice makes one job),
 * then asks the scheduler driver to deliver it at run_at.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { publishJobs, type PublishJob } from "@/db/schema";
import { getAccount } from "@/lib/accounts/queries";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { idSchema } from "@/lib/validation/id-schema";

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

export async function createPublishJob(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, input: z.infer<typeof createPublishJobSchema>, now = new Date()): Promise<PublishJob> {
  if (input.runAt.getTime() < now.getTime() - pastToleranceMs) throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["In the past"] } });
  if (input.runAt.getTime() > now.getTime() + maxAheadMs) throw new AppError("UNPROCESSABLE", { fieldErrors: { runAt: ["More than a year ahead"] } });
  const account = await getAccount(db, ctx, input.accountId);
  if (!account || account.archivedAt) throw new AppError("NOT_FOUND");
  if (account.status !== "active") throw new AppError("UNPROCESSABLE", { fieldErrors: { accountId: [`Account is ${account.status}`] } });

  const idempotencyKey = input.idempotencyKey ?? newId("idem");
  const job = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(publishJobs)
      .where(and(eq(publishJobs.workspaceId, ctx.workspaceId), eq(publishJobs.idempotencyKey, idempotencyKey)))
      .limit(1);
    if (existing) return { row: existing, created: false };
    const [row] = await tx
      .insert(publishJobs)
      .values({ id: newId("job"), workspaceId: ctx.workspaceId, accountId: account.id, draftId: input.draftId ?? null, batchId: input.batchId ?? null, snapshot: input.snapshot, runAt: input.runAt, idempotencyKey, createdBy: ctx.userId })
      .returning();
    await recordAudit(tx, ctx, { action: "schedules.create", targetType: "publish_job", targetId: row.id, after: { accountId: account.id, runAt: input.runAt, title: input.snapshot.title } });
    return { row, created: true };
  });
  if (!job.created) return job.row;

  const messageId = await driver.enqueue({ jobId: job.row.id, workspaceId: job.row.workspaceId, version: job.row.version, runAt: job.row.runAt });
  if (!messageId) return job.row;
  const [updated] = await db.update(publishJobs).set({ schedulerMessageId: messageId }).where(eq(publishJobs.id, job.row.id)).returning();
  return updated;
}

export async function cancelPublishJob(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, jobId: string): Promise<PublishJob> {
  const canceled = await db.transaction(async (tx) => {
    const [job] = await tx.select().from(publishJobs).where(and(eq(publishJobs.id, jobId), eq(publishJobs.workspaceId, ctx.workspaceId))).limit(1);
    if (!job || (ctx.accountIds && !ctx.accountIds.includes(job.accountId))) throw new AppError("NOT_FOUND");
    if (job.status !== "scheduled") throw new AppError("CONFLICT", { detail: `cannot cancel a ${job.status} job`, fieldErrors: { status: [`Job is ${job.status}`] } });
    const [row] = await tx.update(publishJobs).set({ status: "canceled", finishedAt: new Date() }).where(and(eq(publishJobs.id, jobId), eq(publishJobs.status, "scheduled"))).returning();
    if (!row) throw new AppError("CONFLICT");
    await recordAudit(tx, ctx, { action: "schedules.cancel", targetType: "publish_job", targetId: jobId, before: { status: job.status } });
    return row;
  });
  await driver.cancel(canceled.schedulerMessageId);
  return canceled;
}
