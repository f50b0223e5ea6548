/**
 * Sends pending publish outbox rows to the scheduler: right after the commit that wrote them
 * (with their ids), and from the sweep for every due row (retries, and rows a crash left).
 * A row is leased before it is sent, so two senders never send it at once; a resend after a
 * lost answer reuses its deduplication id, and QStash enqueues it once. A row whose job has
 * moved on (canceled, moved to another version, claimed) is dropped unsent. When QStash is down
 * or rate limiting, the first failure ends the round: the rest wait for the same backoff.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { publishDispatches, publishJobs, type DispatchFailureKind, type PublishDispatch } from "@/db/schema";
import { retryDelayMs } from "../backoff";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { getLogger } from "@/lib/observability/logger";
import { deliveryIdOf } from "./request-delivery";
import { classifySchedulerError, describeSchedulerError } from "./scheduler-failure";

export type DispatchResult = { sent: number; dropped: number; pending: number; failure: DispatchFailureKind | null };

const leaseMs = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`QStash did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function lease(db: Db, ids: string[] | undefined, now: Date, limit: number): Promise<PublishDispatch[]> {
  const due = and(eq(publishDispatches.status, "pending"), lte(publishDispatches.nextAttemptAt, now));
  const candidates = ids ? (ids.length ? inArray(publishDispatches.id, ids) : undefined) : undefined;
  if (ids && !candidates) return [];
  const picked = await db
    .select({ id: publishDispatches.id })
    .from(publishDispatches)
    .where(and(due, candidates))
    .orderBy(publishDispatches.nextAttemptAt)
    .limit(limit);
  if (!picked.length) return [];
  return db
    .update(publishDispatches)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        inArray(
          publishDispatches.id,
          picked.map((p) => p.id),
        ),
        due,
      ),
    )
    .returning();
}

export async function dispatchDeliveries(
  db: Db,
  driver: SchedulerDriver,
  options: { ids?: string[]; now?: Date; limit?: number; timeoutMs?: number } = {},
): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const rows = await lease(db, options.ids, now, options.limit ?? 200);
  const result: DispatchResult = { sent: 0, dropped: 0, pending: 0, failure: null };
  if (!rows.length) return result;
  const jobs = await db
    .select({ id: publishJobs.id, status: publishJobs.status, version: publishJobs.version })
    .from(publishJobs)
    .where(inArray(publishJobs.id, [...new Set(rows.map((r) => r.jobId))]));
  const current = new Map(jobs.map((j) => [j.id, j]));

  for (const row of rows) {
    const job = current.get(row.jobId);
    if (job?.status !== "scheduled" || job.version !== row.version) {
      await db.update(publishDispatches).set({ status: "dropped" }).where(eq(publishDispatches.id, row.id));
      result.dropped++;
      continue;
    }
    if (result.failure && result.failure !== "rejected") {
      // QStash is down or limiting us: do not knock again in this round.
      await recordFailure(db, row, result.failure, "not sent: an earlier send in the same round failed", now);
      result.pending++;
      continue;
    }
    try {
      const messageId = await withTimeout(
        driver.enqueue({
          jobId: row.jobId,
          workspaceId: row.workspaceId,
          version: row.version,
          runAt: row.runAt,
          deliveryId: deliveryIdOf(row),
        }),
        options.timeoutMs ?? 5_000,
      );
      await db
        .update(publishDispatches)
        .set({ status: "sent", messageId, sentAt: new Date(), lastErrorKind: null, lastError: null })
        .where(eq(publishDispatches.id, row.id));
      if (messageId) {
        await db
          .update(publishJobs)
          .set({ schedulerMessageId: messageId })
          .where(and(eq(publishJobs.id, row.jobId), eq(publishJobs.version, row.version)));
      }
      result.sent++;
    } catch (error) {
      const kind = classifySchedulerError(error);
      await recordFailure(db, row, kind, describeSchedulerError(error), now);
      result.failure ??= kind;
      result.pending++;
    }
  }
  return result;
}

async function recordFailure(db: Db, row: PublishDispatch, kind: DispatchFailureKind, message: string, now: Date) {
  const tries = row.tries + 1;
  await db
    .update(publishDispatches)
    .set({
      tries,
      lastErrorKind: kind,
      lastError: message,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(tries, Math.random, 5_000, 5 * 60_000)),
    })
    .where(eq(publishDispatches.id, row.id));
}

/**
 * The send right after the commit that wrote `ids`: never throws, because the work is saved
 * whatever happens here (a failure leaves the rows pending for the sweep, and says so).
 */
export async function dispatchAfterCommit(db: Db, driver: SchedulerDriver, ids: string[]): Promise<DispatchResult> {
  if (!ids.length) return { sent: 0, dropped: 0, pending: 0, failure: null };
  try {
    return await dispatchDeliveries(db, driver, { ids });
  } catch (err) {
    getLogger().error({ err, dispatches: ids.length }, "sending publish outbox rows failed; the sweep retries them");
    return { sent: 0, dropped: 0, pending: ids.length, failure: null };
  }
}
