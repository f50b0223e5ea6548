/** Outbound notification channels (DingTalk / WeCom robots, SMTP email) a workspace sends events to. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const notificationChannels = sqliteTable(
  "notification_channels",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: ["dingtalk", "wecom", "email"] }).notNull(),
    name: text("name").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Event kinds this channel hears, e.g. ["publish_failed", "publish_unconfirmed"]. */
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    /** Non-secret settings only (base URL, SMTP host/port/user/from/to). */
    config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** `enc:v1:…` JSON of the secret fields (tokens, keys, passwords); null when none. */
    secrets: text("secrets"),
    lastResult: text("last_result", { enum: ["ok", "error"] }),
    lastError: text("last_error"),
    lastSentAt: integer("last_sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("notification_channels_workspace_idx").on(t.workspaceId)],
);

export type NotificationChannel = typeof notificationChannels.$inferSelect;
