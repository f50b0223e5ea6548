/**
 * Recurring series ("every Tue/Thu 20:30"): a cron in a time zone plus the frozen note to send.
 * The series itself never publishes; the next 14 days of occurrences are kept as publish_jobs.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import type { JobSnapshot } from "./publish-jobs";
import { accounts, workspaces } from "./workspaces";

export const publishSeriesStatuses = ["active", "stopped"] as const;

export const publishSeries = sqliteTable(
  "publish_series",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    draftId: text("draft_id"),
    snapshot: text("snapshot", { mode: "json" }).$type<JobSnapshot>().notNull(),
    cron: text("cron").notNull(),
    timezone: text("timezone").notNull(),
    status: text("status", { enum: publishSeriesStatuses }).notNull().default("active"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    /** QStash driver: the schedule that calls the series webhook at each occurrence (null: the sweep materialises). */
    schedulerScheduleId: text("scheduler_schedule_id"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("publish_series_workspace_idx").on(t.workspaceId, t.status), index("publish_series_status_idx").on(t.status)],
);

export type PublishSeries = typeof publishSeries.$inferSelect;
