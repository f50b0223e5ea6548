import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { draftStatuses, type DraftDoc, type DraftImage } from "./draft-values";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";
import { accounts, workspaces } from "./workspaces";

export { draftStatuses, type DraftImage, type DraftStatus } from "./draft-values";

export const draftFolders = sqliteTable(
  "draft_folders",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    parentId: text("parent_id").references((): AnySQLiteColumn => draftFolders.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("draft_folders_workspace_idx").on(t.workspaceId, t.parentId)],
);

export const drafts = sqliteTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    folderId: text("folder_id").references(() => draftFolders.id),
    title: text("title").notNull().default(""),
    doc: text("doc", { mode: "json" }).$type<DraftDoc>().notNull(),
    /** The renderer's output (body without topics), kept for search, lists and counters. */
    plainText: text("plain_text").notNull().default(""),
    topics: text("topics", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    images: text("images", { mode: "json" }).$type<DraftImage[]>().notNull().default(sql`'[]'`),
    status: text("status", { enum: draftStatuses }).notNull().default("draft"),
    /** Optimistic concurrency: every save names the version it started from. */
    version: integer("version").notNull().default(1),
    lastEditorId: text("last_editor_id").references(() => users.id),
    /** Whether draft_targets has rows for it: lets account scoping skip a subquery for unaimed drafts. */
    hasTargets: integer("has_targets", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("drafts_workspace_updated_idx").on(t.workspaceId, t.updatedAt),
    index("drafts_workspace_status_idx").on(t.workspaceId, t.status, t.updatedAt),
    index("drafts_workspace_folder_idx").on(t.workspaceId, t.folderId, t.updatedAt),
    index("drafts_workspace_author_idx").on(t.workspaceId, t.authorId, t.updatedAt),
    index("drafts_workspace_created_idx").on(t.workspaceId, t.createdAt),
    index("drafts_workspace_title_idx").on(t.workspaceId, t.title),
    // Covers the list's count under account scoping and status filters without reading the fat rows.
    index("drafts_scope_idx").on(t.workspaceId, t.hasTargets, t.status, t.updatedAt, t.id),
  ],
);

/** The RED accounts a draft will go to (one row each), so account scoping is an indexed join. */
export const draftTargets = sqliteTable(
  "draft_targets",
  {
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.accountId] }), index("draft_targets_account_idx").on(t.accountId, t.draftId)],
);

export const draftRevisions = sqliteTable(
  "draft_revisions",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** The draft version this revision holds (the latest save folded into it). */
    version: integer("version").notNull(),
    title: text("title").notNull(),
    doc: text("doc", { mode: "json" }).$type<DraftDoc>().notNull(),
    plainText: text("plain_text").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("draft_revisions_draft_idx").on(t.draftId, t.createdAt)],
);

export const draftComments = sqliteTable(
  "draft_comments",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id")
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** comment, or the workflow step it was written with. */
    kind: text("kind", { enum: ["comment", "submitted", "approved", "changes_requested"] })
      .notNull()
      .default("comment"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("draft_comments_draft_idx").on(t.draftId, t.createdAt)],
);

export type Draft = typeof drafts.$inferSelect;
export type DraftFolder = typeof draftFolders.$inferSelect;
export type DraftRevision = typeof draftRevisions.$inferSelect;
export type DraftComment = typeof draftComments.$inferSelect;
