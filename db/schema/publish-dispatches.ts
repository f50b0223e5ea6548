/**
 * The publish outbox: one row per delivery attempt a job asks the scheduler (QStash) for,
 * written in the same transaction as the job change that needs it (created, moved, retried,
 * re-delivered by the sweep, or an early delivery put back), and sent to QStash after the
 * commit, retried with backoff by the sweep when QStash is down or rate limiting. Each row has
 * its own attempt number, so its deduplication id (`<jobId>-v<version>-a<attempt>`) is new for a
 * new attempt and the same when the same attempt is sent again (QStash answers 202 then).
 * The embedded dispatcher reads due jobs itself and writes no rows here.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { publishJobs } from "./publish-jobs";
import { workspaces } from "./workspaces";

export const publishDispatchStatuses = ["pending", "sent", "dropped"] as const;
/** Why the last send failed: QStash answered 429, could not be reached / answered 5xx, or refused the request (4xx). */
export const dispatchFailureKinds = ["rate_limited", "unavailable", "rejected"] as const;

export const publishDispatches = sqliteTable(
  "publish_dispatches",
  {
    id: text("id").primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => publishJobs.id),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** The job version this delivery is for: a delivery of an older version claims nothing. */
    version: integer("version").notNull(),
    /** 1, 2, 3 ... per job. */
    attempt: integer("attempt").notNull(),
    /** When the delivery should arrive (QStash's notBefore). */
    runAt: integer("run_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: publishDispatchStatuses }).notNull().default("pending"),
    /** Sends to QStash that failed so far. */
    tries: integer("tries").notNull().default(0),
    /** Not before this time: the backoff after a failed send, or the lease of a sender in flight. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastErrorKind: text("last_error_kind", { enum: dispatchFailureKinds }),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("publish_dispatches_attempt_idx").on(t.jobId, t.attempt),
    index("publish_dispatches_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export type PublishDispatch = typeof publishDispatches.$inferSelect;
export type DispatchFailureKind = (typeof dispatchFailureKinds)[number];
