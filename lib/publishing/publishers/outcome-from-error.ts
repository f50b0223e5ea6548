/** An outbound failure -> the honest publish outcome: nothing sent = retryable, maybe sent = unknown. */
import { OutboundError } from "@/lib/http/resilient-fetch";
import type { PublishOutcome } from "./types";

export function outcomeFromError(error: unknown): PublishOutcome {
  if (error instanceof OutboundError) {
    // A refused address stays refused until the operator changes the setting: no retry.
    if (error.kind === "refused_address") return { status: "rejected", reason: error.message };
    if (error.sent === "no") return { status: "retryable", reason: error.message };
    return { status: "unknown", reason: `${error.message}; the note may have been published, check the account before retrying` };
  }
  throw error;
}
