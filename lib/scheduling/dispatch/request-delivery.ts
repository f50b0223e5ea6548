/**
 * Asks for a delivery of jobs at `runAt` by writing publish outbox rows (publish-dispatches.ts)
 * in the caller's transaction, so the job change and the request commit together; the rows are
 * sent to QStash after the commit (dispatch-deliveries.ts). Each row is the job's next attempt,
 * with its own deduplication id. The embedded dispatcher finds due jobs itself: no rows then.
 */
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { publishDispatches } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import type { SchedulerDriver } from "../drivers/scheduler-driver";

type JobRef = { id: string; workspaceId: string; version: number; runAt: Date };

/** The deduplication id of one delivery attempt: new for every attempt, stable for a resend of the same one. */
export const deliveryIdOf = (row: { jobId: string; version: number; attempt: number }) => `${row.jobId}-v${row.version}-a${row.attempt}`;

/** Returns the ids of the rows written (none with the embedded driver). */
export async function requestDeliveries(
  tx: DbOrTx,
  driver: SchedulerDriver,
  jobs: JobRef[],
  now = new Date(),
  runAt?: Date,
): Promise<string[]> {
  if (driver.name === "embedded" || jobs.length === 0) return [];
  const last = await tx
    .select({ jobId: publishDispatches.jobId, attempt: sql<number>`max(${publishDispatches.attempt})` })
    .from(publishDispatches)
    .where(
      inArray(
        publishDispatches.jobId,
        jobs.map((j) => j.id),
      ),
    )
    .groupBy(publishDispatches.jobId);
  const attempts = new Map(last.map((r) => [r.jobId, Number(r.attempt)]));
  const rows = jobs.map((job) => ({
    id: newId("dsp"),
    jobId: job.id,
    workspaceId: job.workspaceId,
    version: job.version,
    attempt: (attempts.get(job.id) ?? 0) + 1,
    runAt: runAt ?? job.runAt,
    nextAttemptAt: now,
  }));
  await tx.insert(publishDispatches).values(rows);
  return rows.map((r) => r.id);
}
