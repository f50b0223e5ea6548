/**
 * Read-through cache for dashboard queries. Keys carry a per-workspace version; ingest bumps the
 * version, so every cached answer of that workspace is invalidated at once without a key scan.
 */
import { randomBytes } from "node:crypto";
import { getCache, type Cache } from "@/lib/cache";

const ttlSeconds = 300;
const versionKey = (workspaceId: string) => `analytics:ver:${workspaceId}`;

export async function analyticsVersion(workspaceId: string, cache: Cache = getCache()): Promise<string> {
  const current = await cache.get<string>(versionKey(workspaceId));
  if (current) return current;
  const fresh = randomBytes(6).toString("base64url");
  await cache.set(versionKey(workspaceId), fresh, 7 * 86_400);
  return fresh;
}

export async function invalidateAnalytics(workspaceId: string, cache: Cache = getCache()): Promise<void> {
  await cache.set(versionKey(workspaceId), randomBytes(6).toString("base64url"), 7 * 86_400);
}

export async function cachedAnalytics<T>(workspaceId: string, name: string, params: unknown, load: () => Promise<T>, cache: Cache = getCache()): Promise<T> {
  const version = await analyticsVersion(workspaceId, cache);
  const key = `analytics:${workspaceId}:${version}:${name}:${JSON.stringify(params)}`;
  const hit = await cache.get<{ v: T }>(key);
  if (hit) return hit.v;
  const value = await load();
  await cache.set(key, { v: value }, ttlSeconds);
  return value;
}
