/**
 * What a failed call to QStash means for a person. @upstash/qstash 2.12 (node_modules chunk
 * `HttpClient.getResponseError`) throws `QstashRatelimitError` / `QstashDailyRatelimitError`
 * (both `QstashError` with status 429) on 429, `QstashError` with the status on any other
 * non-2xx, and the fetch error itself when QStash cannot be reached.
 */
import { QstashError } from "@upstash/qstash";
import type { DispatchFailureKind } from "@/db/schema";

export function classifySchedulerError(error: unknown): DispatchFailureKind {
  if (error instanceof QstashError && typeof error.status === "number") {
    if (error.status === 429) return "rate_limited";
    if (error.status >= 400 && error.status < 500) return "rejected";
  }
  return "unavailable";
}

export function describeSchedulerError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof QstashError && error.status ? ` (HTTP ${error.status})` : "";
  return `${message}${status}`.slice(0, 500);
}
