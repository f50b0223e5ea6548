/** One row per one-time repair of stored data (db/repair-stored-text.ts), so each runs once. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const dataRepairs = sqliteTable("data_repairs", {
  name: text("name").primaryKey(),
  appliedAt: integer("applied_at", { mode: "timestamp_ms" }).notNull(),
  /** Values the repair changed. */
  changed: integer("changed").notNull().default(0),
});
