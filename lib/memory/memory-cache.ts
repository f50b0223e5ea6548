/**
 * Read-through caching of memory reads (search, stats, config) with a per-workspace generation
 * number: keys embed the generation, every committed write bumps it. A read that raced a write
 * stores its result under the old generation, which nobody reads again, so a write never leaves
 * a stale read behind and no key listing is needed (works the same on LRU and Upstash). The
 * generation lives in the database (lib/cache/cache-versions.ts): a bump made while Redis is
 * down still counts when it comes back.
 */
import { createHash } from "node:crypto";
import { getDb } from "@/lib/database";
import { getCache } from "@/lib/cache";
import { bumpCacheVersion, readCacheVersion } from "@/lib/cache/cache-versions";

const scopeOf = (workspaceId: string) => `memory:${workspaceId}`;

export async function cachedMemoryRead<T>(workspaceId: string, parts: unknown, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const cache = getCache();
  const generation = await readCacheVersion(getDb(), scopeOf(workspaceId));
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 24);
  const key = `mem:${workspaceId}:${generation}:${digest}`;
  const hit = await cache.get<T>(key);
  if (hit !== null) return hit;
  const value = await load();
  await cache.set(key, value, ttlSeconds);
  return value;
}

/** Call after the write committed (never inside the transaction). */
export async function invalidateMemoryReads(workspaceId: string): Promise<void> {
  await bumpCacheVersion(getDb(), scopeOf(workspaceId));
}
