/**
 * Read-through cache for dashboard queries. Keys carry a per-workspace version; ingest bumps the
 * version, so every cached answer of that workspace is invalidated at once without a key scan.
 * The version lives in the database (lib/cache/cache-versions.ts), so a bump made while Redis is
 * down still counts when it comes back.
 */
import type { Db } from "@/db/client";
import { getDb } from "@/lib/database";
import { getCache, type Cache } from "@/lib/cache";
import { bumpCacheVersion, readCacheVersion } from "@/lib/cache/cache-versions";

const ttlSeconds = 300;
const scopeOf = (workspaceId: string) => `analytics:${workspaceId}`;

export async function analyticsVersion(workspaceId: string, db: Db = getDb()): Promise<number> {
  return readCacheVersion(db, scopeOf(workspaceId));
}

export async function invalidateAnalytics(workspaceId: string, db: Db = getDb()): Promise<void> {
  await bumpCacheVersion(db, scopeOf(workspaceId));
}

export async function cachedAnalytics<T>(
  workspaceId: string,
  name: string,
  params: unknown,
  load: () => Promise<T>,
  cache: Cache = getCache(),
): Promise<T> {
  const version = await analyticsVersion(workspaceId);
  const key = `analytics:${workspaceId}:${version}:${name}:${JSON.stringify(params)}`;
  const hit = await cache.get<{ v: T }>(key);
  if (hit) return hit.v;
  const value = await load();
  await cache.set(key, { v: value }, ttlSeconds);
  return value;
}
