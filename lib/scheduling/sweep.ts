/**
 * The sweep (every 5 minutes): finds due jobs whose delivery never arrived, so the driver can
 * deliver them again, and moves jobs stuck in `publishing` (the process died mid-publish) to
 * `unconfirmed`: whether the note went out is unknown, so a person decides.
 */
import { and, eq, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { publishJobs, type PublishJob } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

export const sweepDefaults = { lostAfterMs: 60_000, stuckAfterMs: 10 * 60_000, batch: 500 };

export async function sweepJobs(db: Db, now = new Date(), options = sweepDefaults): Promise<{ lost: PublishJob[]; unconfirmed: number }> {
  const lost = await db
    .select()
    .from(publishJobs)
    .where(and(eq(publishJobs.status, "scheduled"), lte(publishJobs.runAt, new Date(now.getTime() - options.lostAfterMs))))
    .limit(options.batch);

  const stuck = await db.transaction(async (tx) => {
    const rows = await tx
      .update(publishJobs)
      .set({
        status: "unconfirmed",
        finishedAt: now,
        lastErrorCode: "STUCK_PUBLISHING",
        lastErrorMessage: "The publishing process stopped before recording an outcome.",
      })
      .where(and(eq(publishJobs.status, "publishing"), lt(publishJobs.claimedAt, new Date(now.getTime() - options.stuckAfterMs))))
      .returning();
    for (const job of rows) {
      await recordAudit(
        tx,
        { userId: "system", userName: "scheduler", workspaceId: job.workspaceId },
        { action: "publish.stuck", targetType: "publish_job", targetId: job.id },
      );
    }
    return rows.length;
  });
  return { lost, unconfirmed: stuck };
}
