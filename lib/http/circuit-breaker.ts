/**
 * A circuit breaker per target (per account): closed -> open after N consecutive failures ->
 * half-open after a cool-down (one trial call) -> closed on success, open again on failure.
 * State lives in the cache driver (Upstash in production), so every instance sees the same
 * breaker; the in-memory driver makes it per process on the embedded default.
 */
import type { Cache } from "@/lib/cache/cache";

export type BreakerState = "closed" | "open" | "half_open";
export type BreakerSettings = { failureThreshold: number; openMs: number };
export type BreakerSnapshot = { state: BreakerState; failures: number; openedAt: number | null; lastError: string | null };

type Stored = { failures: number; openedAt: number | null; lastError: string | null };

export const defaultBreakerSettings: BreakerSettings = { failureThreshold: 5, openMs: 30_000 };
const ttlSeconds = 24 * 3600;
const keyOf = (id: string) => `breaker:${id}`;

export class CircuitOpenError extends Error {
  constructor(
    readonly breakerId: string,
    readonly retryInMs: number,
  ) {
    super(`circuit open for ${breakerId}: too many recent failures, retry in ${Math.ceil(retryInMs / 1000)} s`);
    this.name = "CircuitOpenError";
  }
}

function stateOf(stored: Stored | null, settings: BreakerSettings, now: number): BreakerState {
  if (!stored || stored.openedAt === null) return "closed";
  return now - stored.openedAt >= settings.openMs ? "half_open" : "open";
}

export function createCircuitBreaker(cache: Cache, id: string, settings: BreakerSettings = defaultBreakerSettings, now = () => Date.now()) {
  const key = keyOf(id);
  return {
    async snapshot(): Promise<BreakerSnapshot> {
      const stored = await cache.get<Stored>(key);
      return {
        state: stateOf(stored, settings, now()),
        failures: stored?.failures ?? 0,
        openedAt: stored?.openedAt ?? null,
        lastError: stored?.lastError ?? null,
      };
    },
    /** Throws CircuitOpenError unless a call may go out now (closed, or the one half-open trial). */
    async beforeCall(): Promise<void> {
      const stored = await cache.get<Stored>(key);
      const state = stateOf(stored, settings, now());
      if (state === "closed") return;
      if (state === "half_open") {
        // One trial per cool-down window, across instances: the first to count 1 wins.
        const claim = await cache.incr(`${key}:trial:${stored!.openedAt}`, Math.ceil(settings.openMs / 1000) + 60);
        if (claim === 1) return;
      }
      throw new CircuitOpenError(id, Math.max(0, stored!.openedAt! + settings.openMs - now()));
    },
    async onSuccess(): Promise<void> {
      await cache.del(key);
    },
    async onFailure(error: string): Promise<void> {
      const stored = (await cache.get<Stored>(key)) ?? { failures: 0, openedAt: null, lastError: null };
      const failures = stored.failures + 1;
      const wasTrial = stateOf(stored, settings, now()) === "half_open";
      const opens = wasTrial || failures >= settings.failureThreshold;
      await cache.set<Stored>(key, { failures, openedAt: opens ? now() : stored.openedAt, lastError: error.slice(0, 200) }, ttlSeconds);
    },
    async reset(): Promise<void> {
      await cache.del(key);
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
