import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id"),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    /** Redacted before/after summary; secrets never reach this column. */
    changes: text("changes", { mode: "json" }).$type<AuditChanges>(),
    ip: text("ip"),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_workspace_time_idx").on(t.workspaceId, t.createdAt),
    index("audit_workspace_action_idx").on(t.workspaceId, t.action),
  ],
);

export type AuditChanges = { before?: Record<string, unknown>; after?: Record<string, unknown> };
export type AuditEvent = typeof auditEvents.$inferSelect;
