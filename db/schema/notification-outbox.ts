/**
 * Channel notifications waiting to be sent: one row per (event, channel), written in the same
 * transaction as the event (a failed or unconfirmed publish), delivered after the response and
 * retried with backoff by the dispatcher or the sweep. A crash between the two loses nothing.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { notificationChannels } from "./notification-channels";
import { workspaces } from "./workspaces";

export const notificationOutboxStatuses = ["pending", "sent", "failed"] as const;

export const notificationOutbox = sqliteTable(
  "notification_outbox",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    channelId: text("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    /** The WorkspaceEvent (kind, payload, at), rendered when sent. */
    event: text("event", { mode: "json" }).$type<{ kind: string; payload: Record<string, unknown>; at: string }>().notNull(),
    status: text("status", { enum: notificationOutboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this time: the backoff after a failure, or the lease of a sender in flight. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("notification_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

export type NotificationOutboxRow = typeof notificationOutbox.$inferSelect;
