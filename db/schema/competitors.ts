/**
 * Competitors and the workspace's competitor-analytics configuration: tracked RED accounts of
 * other brands, their per-source collection status, the topic watchlist, analytics settings
 * (viral threshold, CES weights) and the alerts raised on ingest.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const competitors = sqliteTable(
  "competitors",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    redUserId: text("red_user_id").notNull(),
    profileUrl: text("profile_url"),
    /** RED's per-user access token the bridge's profile call needs; not a credential of ours. */
    xsecToken: text("xsec_token"),
    avatarUrl: text("avatar_url"),
    bio: text("bio"),
    groups: text("groups", { mode: "json" }).$type<string[]>().notNull().default([]),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default([]),
    notes: text("notes"),
    /** Own account ids (accounts.id) this competitor is compared with. */
    comparedAccountIds: text("compared_account_ids", { mode: "json" }).$type<string[]>().notNull().default([]),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("competitors_workspace_red_user_idx").on(t.workspaceId, t.redUserId),
    index("competitors_workspace_name_idx").on(t.workspaceId, t.name),
  ],
);

/** One row per (source, subject): when it last ran, whether it worked, what went wrong. */
export const collectionStatus = sqliteTable(
  "collection_status",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** bridge_profile | bridge_search | bridge_detail | mediacrawler | api */
    source: text("source").notNull(),
    /** competitor id, own account id, or "keyword:<text>". */
    subjectKey: text("subject_key").notNull(),
    status: text("status", { enum: ["ok", "error", "running"] }).notNull(),
    lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }).notNull(),
    lastSuccessAt: integer("last_success_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    itemsCollected: integer("items_collected").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.subjectKey] })],
);

export const topicWatchlist = sqliteTable(
  "topic_watchlist",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    topic: text("topic").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("topic_watchlist_workspace_topic_idx").on(t.workspaceId, t.topic)],
);

// Shapes validated by lib/competitors/rules (cesWeightsSchema, viralRuleSchema); kept here so db/ imports nothing from lib/.
type CesWeights = { like: number; collect: number; comment: number; share: number; follow: number };
type ViralRule = { minLikes: number; tiers: { maxFollowers: number | null; minLikes: number }[] };
/** weekday 1 = Monday … 7 = Sunday, hour 0-23, both in the workspace's time zone. */
type WeeklyReport = { enabled: boolean; recipients: string[]; weekday: number; hour: number };

export const analyticsSettings = sqliteTable("analytics_settings", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  viralRule: text("viral_rule", { mode: "json" }).$type<ViralRule>().notNull(),
  cesWeights: text("ces_weights", { mode: "json" }).$type<CesWeights>().notNull(),
  /** The emailed weekly competitor report; null = never configured (off). */
  weeklyReport: text("weekly_report", { mode: "json" }).$type<WeeklyReport>(),
  /** When the scheduled job last tried (once per scheduled slot), and why it failed if it did. */
  weeklyReportLastRunAt: integer("weekly_report_last_run_at", { mode: "timestamp_ms" }),
  weeklyReportLastSentAt: integer("weekly_report_last_sent_at", { mode: "timestamp_ms" }),
  weeklyReportLastError: text("weekly_report_last_error"),
  updatedAt: updatedAt(),
});

/** In-app alerts; dedupeKey makes raising the same alert twice (re-import) a no-op. */
export const competitorAlerts = sqliteTable(
  "competitor_alerts",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: ["viral_note", "cadence_doubled", "engagement_drop"] }).notNull(),
    subjectType: text("subject_type", { enum: ["competitor", "account"] }).notNull(),
    subjectId: text("subject_id").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, string | number | null>>().notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("competitor_alerts_dedupe_idx").on(t.workspaceId, t.dedupeKey),
    index("competitor_alerts_workspace_time_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type Competitor = typeof competitors.$inferSelect;
export type CollectionStatus = typeof collectionStatus.$inferSelect;
export type TopicWatch = typeof topicWatchlist.$inferSelect;
export type CompetitorAlert = typeof competitorAlerts.$inferSelect;
