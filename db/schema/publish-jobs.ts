import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { publishJobStatuses } from "./publish-job-values";

export { publishJobStatuses };
import { accounts, workspaces } from "./workspaces";

/** What will be sent, frozen when the job is scheduled: later edits to the draft do not change it. */
export type JobSnapshot = { title: string; body: string; topics: string[]; images: string[]; video?: string | null };

/**
 * Why a series occurrence is not at its cron time: moved to a free slot the same day, or skipped
 * (a canceled job keeps the occurrence from being made again), because of the account's rules.
 */
export type PlanNote = { action: "shifted" | "skipped"; rule: "daily_cap" | "spacing"; from: string };

export const publishJobs = sqliteTable(
  "publish_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    draftId: text("draft_id"),
    /** Jobs made together (one draft to many accounts) share a batch, for the progress view. */
    batchId: text("batch_id"),
    /** Jobs materialised from a recurring series (publish_series). */
    seriesId: text("series_id"),
    planNote: text("plan_note", { mode: "json" }).$type<PlanNote>(),
    snapshot: text("snapshot", { mode: "json" }).$type<JobSnapshot>().notNull(),
    runAt: integer("run_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: publishJobStatuses }).notNull().default("scheduled"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(4),
    /** Bumped on every reschedule: a delivery for an older version finds nothing to claim. */
    version: integer("version").notNull().default(1),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    remoteId: text("remote_id"),
    remoteUrl: text("remote_url"),
    schedulerMessageId: text("scheduler_message_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("publish_jobs_idempotency_idx").on(t.workspaceId, t.idempotencyKey),
    index("publish_jobs_due_idx").on(t.status, t.runAt),
    index("publish_jobs_workspace_run_idx").on(t.workspaceId, t.runAt),
    index("publish_jobs_account_run_idx").on(t.accountId, t.runAt),
    index("publish_jobs_batch_idx").on(t.batchId),
    index("publish_jobs_series_idx").on(t.seriesId, t.runAt),
  ],
);

export type PublishJob = typeof publishJobs.$inferSelect;
export type { PublishJobStatus } from "./publish-job-values";
