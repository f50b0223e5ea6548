/**
 * Versions of cached read models, kept in the database (`cache_versions`), never in the cache:
 * a read-through cache keys its entries by the version, and a write bumps it after committing.
 * Because the bump is a database write, it cannot be lost to a cache outage, so an entry stored
 * before the outage is never served after a write made during it (resilient-cache.ts).
 * The matrix's version is bumped by SQL triggers instead (migration matrix_cache_triggers).
 */
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cacheVersions } from "@/db/schema";

export async function readCacheVersion(db: DbOrTx, scope: string): Promise<number> {
  const [row] = await db.select({ version: cacheVersions.version }).from(cacheVersions).where(eq(cacheVersions.scope, scope));
  return row?.version ?? 0;
}

export async function bumpCacheVersion(db: DbOrTx, scope: string): Promise<void> {
  await db
    .insert(cacheVersions)
    .values({ scope, version: 1 })
    .onConflictDoUpdate({ target: cacheVersions.scope, set: { version: sql`${cacheVersions.version} + 1` } });
}
