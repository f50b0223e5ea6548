/**
 * What scheduling tells the caller about the hand-over to the scheduler, which happens after
 * the jobs are saved: `submitted` (QStash has them, or the embedded dispatcher will find them),
 * or `pending` with why (a catalogue code: rate limited, unavailable, refused): the jobs are
 * scheduled all the same and the outbox keeps trying ("已排期，正在提交到调度服务").
 */
import type { DispatchFailureKind } from "@/db/schema";
import type { ErrorCode } from "@/lib/errors/catalog";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import type { DispatchResult } from "./dispatch-deliveries";

export type SchedulerNotice = { state: "submitted" | "pending"; code: ErrorCode | null };

export const failureCodes: Record<DispatchFailureKind, ErrorCode> = {
  rate_limited: "SCHEDULER_RATE_LIMITED",
  unavailable: "SCHEDULER_UNAVAILABLE",
  rejected: "SCHEDULER_REJECTED",
};

export function schedulerNotice(driver: SchedulerDriver, dispatch: DispatchResult): SchedulerNotice {
  if (driver.name === "embedded" || dispatch.pending === 0) return { state: "submitted", code: null };
  return { state: "pending", code: dispatch.failure ? failureCodes[dispatch.failure] : "SCHEDULER_UNAVAILABLE" };
}
