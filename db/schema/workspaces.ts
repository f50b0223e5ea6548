import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("Asia/Shanghai"),
  locale: text("locale", { enum: ["zh-CN", "en"] })
    .notNull()
    .default("zh-CN"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const members = sqliteTable(
  "members",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["admin", "operator", "analyst", "guest"] }).notNull(),
    status: text("status", { enum: ["active", "deactivated"] })
      .notNull()
      .default("active"),
    /** "all": every account of the workspace; "granted": only rows in member_account_grants. */
    accountScope: text("account_scope", { enum: ["all", "granted"] })
      .notNull()
      .default("all"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("members_workspace_user_idx").on(t.workspaceId, t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    redId: text("red_id").notNull(),
    status: text("status", { enum: ["active", "paused", "needs_login", "error"] })
      .notNull()
      .default("active"),
    /** Why the status is what it is (e.g. "bridge reports logged out"); null when active. */
    statusReason: text("status_reason"),
    avatarUrl: text("avatar_url"),
    bio: text("bio").notNull().default(""),
    groups: text("groups", { mode: "json" }).$type<string[]>().notNull().default([]),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Persona and brand notes; fed to the copilot later. */
    personaNotes: text("persona_notes").notNull().default(""),
    /** IANA zone; null = the workspace's. */
    timezone: text("timezone"),
    dailyPostCap: integer("daily_post_cap").notNull().default(3),
    minSpacingMinutes: integer("min_spacing_minutes").notNull().default(120),
    /** "HH:mm" in the account's time zone, sorted. */
    postingSlots: text("posting_slots", { mode: "json" }).$type<string[]>().notNull().default([]),
    publisherId: text("publisher_id").notNull().default("sandbox"),
    /** The publisher's non-secret settings; secret fields live encrypted in publisher_secrets. */
    publisherConfig: text("publisher_config", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    /** encryptSecret(JSON of the publisher's secret fields); never sent to the browser. */
    publisherSecrets: text("publisher_secrets"),
    lastCheckAt: integer("last_check_at", { mode: "timestamp_ms" }),
    lastCheckOk: integer("last_check_ok", { mode: "boolean" }),
    lastCheckMessage: text("last_check_message"),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("accounts_workspace_red_id_idx").on(t.workspaceId, t.redId)],
);

export const memberAccountGrants = sqliteTable(
  "member_account_grants",
  {
    memberId: text("member_id")
      .notNull()
      .references(() => members.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.accountId] }), index("grants_account_idx").on(t.accountId)],
);

export const appState = sqliteTable("app_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

export type Workspace = typeof workspaces.$inferSelect;
export type Member = typeof members.$inferSelect;
export type Account = typeof accounts.$inferSelect;
export type Role = Member["role"];
