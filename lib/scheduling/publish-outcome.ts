/**
 * What a publisher reports. The distinction that matters: `retryable` means nothing reached
 * RED, so trying again is safe; `unknown` means it may have (a timeout after sending), so the
 * job waits for a person and is never retried automatically.
 */
import type { PublishJob } from "@/db/schema";
import type { OutcomeRecord } from "@/lib/publishing/publishers/types";

export type PublishOutcome =
  /** record: written in the outcome transaction (see OutcomeRecord). */
  | { kind: "published"; remoteId?: string; url?: string; record?: OutcomeRecord }
  | { kind: "rejected"; code: string; reason: string }
  | { kind: "retryable"; code: string; reason: string }
  | { kind: "unknown"; code: string; reason: string };

export type PublishFn = (job: PublishJob) => Promise<PublishOutcome>;
