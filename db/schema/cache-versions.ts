/**
 * Versions of cached read models, bumped by SQL triggers (migration `matrix_cache_triggers`)
 * on every write to the tables a model reads, whichever code path wrote. A cached answer is
 * keyed by its scope's version, so a write can never leave a stale read behind.
 * scope: "matrix:<workspaceId>" (accounts, grants, publish jobs, own-account snapshots);
 * "memory:<workspaceId>" and "analytics:<workspaceId>", bumped in code after a write commits
 * (lib/cache/cache-versions.ts): in the database so a cache outage cannot lose a bump.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const cacheVersions = sqliteTable("cache_versions", {
  scope: text("scope").primaryKey(),
  version: integer("version").notNull().default(0),
});
