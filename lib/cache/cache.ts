/**
 * The cache interface: used for rate limits, presence and read-through caching. Two drivers
 * implement it (in-process LRU, Upstash Redis over REST) and one test suite runs against both.
 */
export interface Cache {
  readonly driver: "memory" | "upstash";
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Adds one to a counter, starting its TTL when the counter is created; returns the new value. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /** Seconds until the key expires; null when it does not exist. */
  ttl(key: string): Promise<number | null>;
  ping(): Promise<boolean>;
  /**
   * The same cache without its outage fallbacks: failures throw. Only the resilient wrapper
   * (resilient-cache.ts) has one; callers with a fallback of their own use `cache.strict ?? cache`.
   */
  readonly strict?: Cache;
}

export const cacheKeyPrefix = "rm:";
