/**
 * A remote cache that degrades instead of failing. The cache is a cache: when Upstash is down,
 * a read answers "miss" (callers load from the database), a write or delete is skipped, and a
 * counter counts in this process. Nothing here throws, so an outage costs speed, not pages.
 *
 * Invalidation is safe by construction, not by this wrapper: every read-through cache keys its
 * entries by a version that lives in the database (`cache_versions`, lib/cache/cache-versions.ts),
 * so a version bump never depends on Redis and an entry written before an outage is never read
 * after a write that happened during it. Do not keep versions in the cache itself.
 *
 * A circuit breaker (lib/http/circuit-breaker.ts, its state in a process-local memory cache)
 * opens after two consecutive failures, so requests during an outage do not each wait for a
 * timeout; after `openMs` one trial call goes out and closes it again on success. One log line
 * when the outage starts and one when it ends, never one per call.
 *
 * `strict` is the same cache without the fallbacks (failures throw `CacheUnavailableError`, fast
 * while the breaker is open), for callers with a fallback of their own (the rate limiter).
 */
import { createCircuitBreaker, type BreakerSettings } from "@/lib/http/circuit-breaker";
import { getLogger } from "@/lib/observability/logger";
import type { Cache } from "./cache";
import { createInProcessCache } from "./in-process-cache";

export class CacheUnavailableError extends Error {
  constructor(
    readonly operation: string,
    options: { cause?: unknown } = {},
  ) {
    super(`cache unavailable (${operation})`, options);
    this.name = "CacheUnavailableError";
  }
}

type OutageLog = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

export type ResilientCacheOptions = { breaker?: BreakerSettings; log?: OutageLog };

export const cacheBreakerSettings: BreakerSettings = { failureThreshold: 2, openMs: 5_000 };

export function createResilientCache(remote: Cache, options: ResilientCacheOptions = {}): Cache & { strict: Cache } {
  const breaker = createCircuitBreaker(createInProcessCache(100), `cache:${remote.driver}`, options.breaker ?? cacheBreakerSettings);
  // Counters while the remote is down: per process, which is what "a local limit" means.
  const local = createInProcessCache(10_000);
  const log = () => options.log ?? getLogger();
  let down = false;

  async function run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      await breaker.beforeCall();
    } catch (error) {
      throw new CacheUnavailableError(operation, { cause: error });
    }
    try {
      const result = await call();
      await breaker.onSuccess();
      if (down) {
        down = false;
        log().info({ driver: remote.driver }, "cache answering again");
      }
      return result;
    } catch (error) {
      await breaker.onFailure(error instanceof Error ? error.message : String(error));
      if (!down) {
        down = true;
        log().warn(
          { err: error, driver: remote.driver, operation },
          "cache unreachable: reads go to the database and writes are skipped until it answers again",
        );
      }
      throw new CacheUnavailableError(operation, { cause: error });
    }
  }

  const strict: Cache = {
    driver: remote.driver,
    get: (key) => run("get", () => remote.get(key)),
    set: (key, value, ttl) => run("set", () => remote.set(key, value, ttl)),
    del: (...keys) => run("del", () => remote.del(...keys)),
    incr: (key, ttl) => run("incr", () => remote.incr(key, ttl)),
    ttl: (key) => run("ttl", () => remote.ttl(key)),
    // Straight to the remote: readiness wants the truth, not the breaker's opinion.
    ping: () => remote.ping(),
  };

  const orElse = <T>(promise: Promise<T>, fallback: () => T | Promise<T>) => promise.catch(fallback);
  return {
    driver: remote.driver,
    strict,
    get: <T>(key: string) => orElse(strict.get<T>(key), () => null),
    set: (key, value, ttl) => orElse(strict.set(key, value, ttl), () => undefined),
    del: (...keys) => orElse(strict.del(...keys), () => undefined),
    incr: (key, ttl) => orElse(strict.incr(key, ttl), () => local.incr(key, ttl)),
    ttl: (key) => orElse(strict.ttl(key), () => local.ttl(key)),
    ping: () => remote.ping(),
  };
}
