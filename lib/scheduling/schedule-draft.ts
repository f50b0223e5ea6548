/**
 * Schedules an approved draft to one or many accounts: the drafts module's confirmation step
 * (checks, warnings ticked, approval) must pass, every account's posting rules must hold, and
 * only then are the jobs created, all under one batch id. Nothing is created half-way: the
 * checks, every job with its delivery request (the publish outbox) and the draft's new status
 * commit in one transaction or not at all; the requests go to the scheduler after the commit,
 * and one QStash cannot take now stays in the outbox for the sweep (`scheduler` says so).
 * A batch key from the client makes a double submit return the batch the first one made.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { drafts, publishJobs, type PublishJob } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { prepareSchedule } from "@/lib/drafts/prepare-schedule";
import { getDraft } from "@/lib/drafts/get-draft";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { insertPublishJob, sendAfterCommit } from "./create-publish-job";
import { schedulerNotice, type SchedulerNotice } from "./dispatch/scheduler-notice";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { batchPlanSchema, planBatch } from "./plan-batch";

export const scheduleDraftSchema = batchPlanSchema
  .extend({ acknowledged: z.array(z.string().max(40)).max(20).default([]), batchKey: z.string().min(8).max(80).optional() })
  .strict();

export async function scheduleDraft(
  db: Db,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  draftId: string,
  input: z.infer<typeof scheduleDraftSchema>,
  workspaceTimezone: string,
): Promise<{ batchId: string; jobs: PublishJob[]; scheduler: SchedulerNotice }> {
  const batchId = input.batchKey ? `batch_${input.batchKey}` : newId("batch");
  const made = await db.transaction(async (tx) => {
    // A double submit of the same batch answers with what the first one made (checked inside
    // the transaction, so a second click waiting behind the first sees its jobs).
    const earlier = input.batchKey
      ? await tx
          .select()
          .from(publishJobs)
          .where(and(eq(publishJobs.batchId, batchId), eq(publishJobs.workspaceId, ctx.workspaceId)))
      : [];
    if (earlier.length) return { jobs: earlier, outbox: [] as string[] };

    await prepareSchedule(tx, ctx, draftId, { acknowledged: input.acknowledged });
    const draft = await getDraft(tx, ctx, draftId);
    const plan = await planBatch(tx, ctx, input, workspaceTimezone);
    const unticked = plan.warnings.filter((w) => !input.acknowledged.includes(w.code));
    if (unticked.length) throw new AppError("SCHEDULE_BLOCKED", { details: { unticked: unticked.map((w) => w.code) } });
    const refused = plan.jobs.filter((j) => j.blocked || j.violations.length);
    if (refused.length) {
      throw new AppError("UNPROCESSABLE", {
        fieldErrors: Object.fromEntries(
          refused.map((j) => [
            `accounts.${j.accountId}`,
            [j.blocked ? `Account is ${j.blocked}` : j.violations.map((v) => v.rule).join(", ")],
          ]),
        ),
        details: {
          refused: refused.map((j) => ({
            accountId: j.accountId,
            accountName: j.accountName,
            blocked: j.blocked,
            rules: j.violations.map((v) => v.rule),
            nextFreeSlot: j.nextFreeSlot,
          })),
        },
      });
    }
    const snapshot = { title: draft.title, body: draft.plainText, topics: draft.topics, images: draft.images.map((i) => i.url) };
    const jobs: PublishJob[] = [];
    const outbox: string[] = [];
    for (const planned of plan.jobs) {
      const one = await insertPublishJob(tx, driver, ctx, {
        accountId: planned.accountId,
        draftId,
        snapshot,
        runAt: planned.runAt,
        idempotencyKey: `${batchId}:${planned.accountId}`,
        batchId,
      });
      jobs.push(one.job);
      outbox.push(...one.outbox);
    }
    await tx
      .update(drafts)
      .set({ status: "scheduled" })
      .where(and(eq(drafts.id, draftId), eq(drafts.workspaceId, ctx.workspaceId)));
    return { jobs, outbox };
  });
  const sent = await sendAfterCommit(db, driver, made.jobs, made.outbox);
  return { batchId, jobs: sent.jobs, scheduler: schedulerNotice(driver, sent.dispatch) };
}
