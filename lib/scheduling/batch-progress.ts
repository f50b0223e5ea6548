/**
 * A batch's jobs for the live progress view (with how long each publish is expected to take:
 * the bridge types like a person, and how many are still being handed to the scheduler:
 * publish outbox rows not yet taken by QStash, and why), and "retry every failed one".
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accounts, publishDispatches, publishJobs } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { accountScopeFilter } from "@/lib/accounts/queries";
import { AppError } from "@/lib/errors/app-error";
import { expectedPublishDuration } from "@/lib/publishing/expected-duration";
import type { SchedulerDriver } from "./drivers/scheduler-driver";
import { failureCodes } from "./dispatch/scheduler-notice";
import { jobColumns, toJobRow } from "./job-queries";
import { retryJob } from "./job-actions";

export async function getBatch(db: DbOrTx, ctx: WorkspaceContext, batchId: string) {
  const rows = await db
    .select({ ...jobColumns, publisherId: accounts.publisherId, publisherConfig: accounts.publisherConfig })
    .from(publishJobs)
    .innerJoin(accounts, eq(accounts.id, publishJobs.accountId))
    .where(and(eq(publishJobs.batchId, batchId), eq(publishJobs.workspaceId, ctx.workspaceId), accountScopeFilter(ctx)))
    .orderBy(asc(publishJobs.runAt));
  if (rows.length === 0) throw new AppError("NOT_FOUND");
  const jobs = rows.map(({ publisherId, publisherConfig, ...row }) => ({
    ...toJobRow(row),
    expectedMs: expectedPublishDuration(publisherId, publisherConfig, row.title),
  }));
  const counts = Object.fromEntries(
    ["scheduled", "publishing", "published", "failed", "unconfirmed", "canceled"].map((s) => [
      s,
      jobs.filter((j) => j.status === s).length,
    ]),
  );
  const done = jobs.filter((j) => !["scheduled", "publishing"].includes(j.status)).length;
  const waiting = await db
    .select({ jobId: publishDispatches.jobId, kind: publishDispatches.lastErrorKind })
    .from(publishDispatches)
    .where(
      and(
        eq(publishDispatches.status, "pending"),
        inArray(
          publishDispatches.jobId,
          jobs.map((j) => j.id),
        ),
      ),
    );
  const kind = waiting.find((w) => w.kind)?.kind;
  const scheduler = { pending: new Set(waiting.map((w) => w.jobId)).size, code: kind ? failureCodes[kind] : null };
  return { batchId, title: jobs[0].title, jobs, counts, done, total: jobs.length, scheduler };
}

export async function retryFailedInBatch(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, batchId: string) {
  const batch = await getBatch(db, ctx, batchId);
  const failed = batch.jobs.filter((j) => j.status === "failed");
  for (const job of failed) await retryJob(db, driver, ctx, job.id);
  return { retried: failed.length };
}
