import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Uploaded images; the bytes live in the media storage driver under `storage_key`. */
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    uploaderId: text("uploader_id")
      .notNull()
      .references(() => users.id),
    storageKey: text("storage_key").notNull(),
    /** Detected from the bytes, never taken from the upload's claim. */
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    originalName: text("original_name").notNull(),
    /** A small WebP (320 px wide) made on upload, beside the original; null for rows from before thumbnails. */
    thumbKey: text("thumb_key"),
    width: integer("width"),
    height: integer("height"),
    createdAt: createdAt(),
  },
  (t) => [index("media_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type Media = typeof media.$inferSelect;
