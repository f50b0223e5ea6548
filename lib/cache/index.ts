/** The process-wide cache, chosen from the environment; a remote one never fails its callers (resilient-cache.ts). */
import { getEnv } from "@/lib/env";
import type { Cache } from "./cache";
import { createInProcessCache } from "./in-process-cache";
import { createResilientCache } from "./resilient-cache";
import { createUpstashCache } from "./upstash-cache";

export type { Cache } from "./cache";

const globalForCache = globalThis as unknown as { redmatrixCache?: Cache };

export function getCache(): Cache {
  if (!globalForCache.redmatrixCache) {
    const { cache } = getEnv();
    globalForCache.redmatrixCache =
      cache.driver === "upstash" ? createResilientCache(createUpstashCache(cache.url, cache.token)) : createInProcessCache();
  }
  return globalForCache.redmatrixCache;
}
