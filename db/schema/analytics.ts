/**
 * Append-only time series of RED profiles and notes (competitors and own accounts alike, told
 * apart by `subject_type`), the notes themselves, and the daily rollups the dashboards read.
 * Snapshots are unique per (subject|note, taken_at), so re-importing the same data adds nothing.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { workspaces } from "./workspaces";

export const subjectTypes = ["competitor", "account"] as const;
export type SubjectType = (typeof subjectTypes)[number];

export const profileSnapshots = sqliteTable(
  "profile_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: text("subject_id").notNull(),
    followers: integer("followers"),
    following: integer("following"),
    likesAndCollects: integer("likes_and_collects"),
    noteCount: integer("note_count"),
    source: text("source").notNull(),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("profile_snapshots_subject_time_idx").on(t.workspaceId, t.subjectType, t.subjectId, t.takenAt)],
);

export const trackedNotes = sqliteTable(
  "tracked_notes",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** RED's note id: unique per workspace. */
    noteId: text("note_id").notNull(),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: text("subject_id").notNull(),
    authorName: text("author_name"),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    topics: text("topics", { mode: "json" }).$type<string[]>().notNull().default([]),
    type: text("type", { enum: ["normal", "video"] })
      .notNull()
      .default("normal"),
    imagesCount: integer("images_count").notNull().default(0),
    url: text("url"),
    xsecToken: text("xsec_token"),
    sourceKeyword: text("source_keyword"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    // Latest counts, denormalised from note_snapshots so lists never read the series.
    likes: integer("likes").notNull().default(0),
    collects: integer("collects").notNull().default(0),
    comments: integer("comments").notNull().default(0),
    shares: integer("shares").notNull().default(0),
    views: integer("views"),
    engagement: integer("engagement").notNull().default(0),
    lastSnapshotAt: integer("last_snapshot_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tracked_notes_workspace_note_idx").on(t.workspaceId, t.noteId),
    index("tracked_notes_subject_time_idx").on(t.workspaceId, t.subjectType, t.subjectId, t.publishedAt),
    index("tracked_notes_workspace_time_idx").on(t.workspaceId, t.publishedAt),
    // Top and viral notes over long ranges: walk notes by engagement / likes and stop after a few.
    index("tracked_notes_workspace_engagement_idx").on(t.workspaceId, t.engagement),
    index("tracked_notes_workspace_likes_idx").on(t.workspaceId, t.likes),
  ],
);

export const noteSnapshots = sqliteTable(
  "note_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    trackedNoteId: text("tracked_note_id")
      .notNull()
      .references(() => trackedNotes.id),
    likes: integer("likes").notNull(),
    collects: integer("collects").notNull(),
    comments: integer("comments").notNull(),
    shares: integer("shares").notNull(),
    views: integer("views"),
    source: text("source").notNull(),
    takenAt: integer("taken_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("note_snapshots_note_time_idx").on(t.trackedNoteId, t.takenAt)],
);

export const noteComments = sqliteTable(
  "note_comments",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    commentId: text("comment_id").notNull(),
    noteId: text("note_id").notNull(),
    parentCommentId: text("parent_comment_id"),
    content: text("content").notNull(),
    likes: integer("likes").notNull().default(0),
    subCommentCount: integer("sub_comment_count").notNull().default(0),
    createdAtRed: integer("created_at_red", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("note_comments_workspace_comment_idx").on(t.workspaceId, t.commentId),
    index("note_comments_note_idx").on(t.workspaceId, t.noteId),
  ],
);

/**
 * One row per subject and local day (workspace time zone). Profile columns hold the day's last
 * snapshot; note columns aggregate notes published that day at their latest counts.
 */
export const subjectDaily = sqliteTable(
  "subject_daily",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: text("subject_id").notNull(),
    day: text("day").notNull(),
    followers: integer("followers"),
    following: integer("following"),
    likesAndCollects: integer("likes_and_collects"),
    noteCount: integer("note_count"),
    notesPublished: integer("notes_published").notNull().default(0),
    likes: integer("likes").notNull().default(0),
    collects: integer("collects").notNull().default(0),
    comments: integer("comments").notNull().default(0),
    shares: integer("shares").notNull().default(0),
    views: integer("views"),
    engagement: integer("engagement").notNull().default(0),
    viralNotes: integer("viral_notes").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.subjectType, t.subjectId, t.day] }),
    index("subject_daily_workspace_day_idx").on(t.workspaceId, t.day),
  ],
);

/** Notes and engagement per topic, subject and local day (for hot topics and topic mix). */
export const topicDaily = sqliteTable(
  "topic_daily",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: text("subject_id").notNull(),
    topic: text("topic").notNull(),
    day: text("day").notNull(),
    notes: integer("notes").notNull().default(0),
    engagement: integer("engagement").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.subjectType, t.subjectId, t.topic, t.day] }),
    index("topic_daily_workspace_day_idx").on(t.workspaceId, t.day),
  ],
);

/** An import's progress and its per-row error report (first 500 errors kept). */
export const importRuns = sqliteTable(
  "import_runs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind", { enum: ["notes", "comments", "creators"] }).notNull(),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    errors: text("errors", { mode: "json" }).$type<{ row: number; field?: string; message: string }[]>().notNull().default([]),
    errorCount: integer("error_count").notNull().default(0),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("import_runs_workspace_time_idx").on(t.workspaceId, t.createdAt)],
);

export type ProfileSnapshot = typeof profileSnapshots.$inferSelect;
export type TrackedNote = typeof trackedNotes.$inferSelect;
export type NoteSnapshot = typeof noteSnapshots.$inferSelect;
export type SubjectDaily = typeof subjectDaily.$inferSelect;
export type ImportRun = typeof importRuns.$inferSelect;
