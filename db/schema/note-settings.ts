import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { BulletStyle } from "./draft-values";
import { updatedAt } from "./columns";
import { workspaces } from "./workspaces";

/** One row per workspace that changed the RED note rules; absent -> defaults (lib/drafts/note-settings.ts). */
export const workspaceNoteSettings = sqliteTable("workspace_note_settings", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id),
  titleLimit: integer("title_limit").notNull().default(20),
  bodyLimit: integer("body_limit").notNull().default(1000),
  maxImages: integer("max_images").notNull().default(18),
  maxTopics: integer("max_topics").notNull().default(10),
  bulletStyle: text("bullet_style").$type<BulletStyle>().notNull().default("emoji"),
  bannedWords: text("banned_words", { mode: "json" }).$type<string[]>().notNull(),
  approvalRequired: integer("approval_required", { mode: "boolean" }).notNull().default(true),
  updatedAt: updatedAt(),
});

export type WorkspaceNoteSettings = typeof workspaceNoteSettings.$inferSelect;
