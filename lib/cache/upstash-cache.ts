/**
 * Upstash Redis over its REST protocol: the production cache, shared by every instance.
 * Failures throw here; getCache() wraps this driver in resilient-cache.ts, which turns them
 * into misses. A short timeout and no client retries (its default is 5 retries with backoff,
 * seconds per call): a cache that is slow to answer is slower than the database it fronts.
 */
import { Redis } from "@upstash/redis";
import { cacheKeyPrefix, type Cache } from "./cache";

export const upstashTimeoutMs = 1_000;

export function createUpstashCache(url: string, token: string, timeoutMs = upstashTimeoutMs): Cache {
  // We (de)serialize ourselves: the client's automatic JSON parsing would turn the string
  // "42" into the number 42, so the two drivers would disagree about types.
  const redis = new Redis({ url, token, automaticDeserialization: false, retry: false, signal: () => AbortSignal.timeout(timeoutMs) });
  const k = (key: string) => cacheKeyPrefix + key;

  return {
    driver: "upstash",
    async get<T>(key: string) {
      const raw = await redis.get<string>(k(key));
      return raw === null ? null : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(k(key), JSON.stringify(value), { ex: ttlSeconds });
    },
    async del(...keys) {
      if (keys.length) await redis.del(...keys.map(k));
    },
    async incr(key, ttlSeconds) {
      // One transaction: the counter never exists without its TTL.
      const [count] = await redis.multi().incr(k(key)).expire(k(key), ttlSeconds, "NX").exec<[number, number]>();
      return Number(count);
    },
    async ttl(key) {
      const seconds = await redis.ttl(k(key));
      return seconds < 0 ? null : seconds;
    },
    async ping() {
      return (await redis.ping()) === "PONG";
    },
  };
}
