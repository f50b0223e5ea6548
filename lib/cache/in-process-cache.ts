/** In-process cache with per-key TTLs: the embedded default (one machine, one process). */
import { LRUCache } from "lru-cache";
import { cacheKeyPrefix, type Cache } from "./cache";

type Box = { value: unknown };

export function createInProcessCache(maxEntries = 50_000): Cache {
  const lru = new LRUCache<string, Box>({ max: maxEntries, ttlAutopurge: false, ttlResolution: 0 });
  const k = (key: string) => cacheKeyPrefix + key;

  return {
    driver: "memory",
    async get<T>(key: string) {
      const box = lru.get(k(key));
      // Round-trip through JSON so callers see the same shapes as from Redis.
      return box === undefined ? null : (JSON.parse(JSON.stringify(box.value)) as T);
    },
    async set(key, value, ttlSeconds) {
      lru.set(k(key), { value }, { ttl: ttlSeconds * 1000 });
    },
    async del(...keys) {
      for (const key of keys) lru.delete(k(key));
    },
    async incr(key, ttlSeconds) {
      const box = lru.get(k(key));
      if (box === undefined) {
        lru.set(k(key), { value: 1 }, { ttl: ttlSeconds * 1000 });
        return 1;
      }
      const next = Number(box.value) + 1;
      lru.set(k(key), { value: next }, { noUpdateTTL: true });
      return next;
    },
    async ttl(key) {
      if (!lru.has(k(key))) return null;
      return Math.ceil(lru.getRemainingTTL(k(key)) / 1000);
    },
    async ping() {
      return true;
    },
  };
}
