/** The circuit breaker of one account's publisher, shared by publish calls and health checks. */
import { getCache } from "@/lib/cache";
import { createCircuitBreaker, defaultBreakerSettings } from "@/lib/http/circuit-breaker";
import type { PublisherRuntime } from "./types";

export function accountBreaker(runtime: Pick<PublisherRuntime, "accountId" | "cache" | "breaker">) {
  return createCircuitBreaker(runtime.cache ?? getCache(), `account:${runtime.accountId}`, runtime.breaker ?? defaultBreakerSettings);
}
