/**
 * Re-embedding a workspace's memories after its embedding provider, model or dimension changed.
 *
 * A job row holds status, done/total and errors; the work is batches of `fillMissingVectors`
 * into the new space's own table, driven by the embedded dispatcher or the signed
 * /api/webhooks/memory-reembed route (and the 5-minute sweep), so a crash loses nothing: the next
 * step continues with the memories that still have no vector. Search keeps using the previous
 * (complete) space until the last batch; then, in one transaction that re-checks nothing is
 * missing, the new space becomes active, and the old vectors are released. A provider failure
 * stops the job as "failed" with the reason; resuming continues where it stopped.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { memoryAiSettings, memoryReembedJobs, type EmbeddingSpaceSpec, type MemoryReembedJob } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { createTimeSlice } from "@/lib/background/time-slice";
import { newId } from "@/lib/ids/new-id";
import { loadAiSettings } from "../ai/ai-settings";
import { invalidateMemoryReads } from "../memory-cache";
import { spaceWithEmbedder } from "./active-space";
import { countMissingVectors, fillMissingVectors } from "./fill-vectors";
import { releaseUnusedSpaces } from "./vector-store";
import { sameSpace, vectorSpaceOf } from "./vector-space";
import { idSchema } from "@/lib/validation/id-schema";

export const reembedBatchSize = 64;

export function reembedJobView(job: MemoryReembedJob | null) {
  if (!job) return null;
  const { workspaceId: _ws, ...rest } = job;
  return {
    ...rest,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

const workspaceCount = async (db: DbOrTx, workspaceId: string) =>
  (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM memories WHERE workspace_id = ${workspaceId}`))[0].n;

/** Inside the settings transaction: supersede any running job and start one for `target`. */
export async function startReembedJob(tx: DbOrTx, workspaceId: string, target: EmbeddingSpaceSpec): Promise<MemoryReembedJob> {
  await tx
    .update(memoryReembedJobs)
    .set({ status: "cancelled", finishedAt: new Date(), lastError: "superseded by a newer settings change" })
    .where(and(eq(memoryReembedJobs.workspaceId, workspaceId), eq(memoryReembedJobs.status, "running")));
  const [job] = await tx
    .insert(memoryReembedJobs)
    .values({ id: newId("rej"), workspaceId, target, total: await workspaceCount(tx, workspaceId) })
    .returning();
  return job;
}

export async function latestReembedJob(db: DbOrTx, workspaceId: string): Promise<MemoryReembedJob | null> {
  const [job] = await db
    .select()
    .from(memoryReembedJobs)
    .where(eq(memoryReembedJobs.workspaceId, workspaceId))
    .orderBy(desc(memoryReembedJobs.createdAt))
    .limit(1);
  return job ?? null;
}

export const resumeReembedSchema = z.object({ jobId: idSchema }).strict();

/** A failed job continues where it stopped (its vectors so far are kept). */
export async function resumeReembedJob(db: Db, ctx: WorkspaceContext, jobId: string): Promise<MemoryReembedJob> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(memoryReembedJobs)
      .where(and(eq(memoryReembedJobs.id, jobId), eq(memoryReembedJobs.workspaceId, ctx.workspaceId)));
    if (!job) throw new AppError("NOT_FOUND");
    if (job.status !== "failed") throw new AppError("CONFLICT", { detail: `the job is ${job.status}` });
    const [resumed] = await tx
      .update(memoryReembedJobs)
      .set({ status: "running", finishedAt: null })
      .where(eq(memoryReembedJobs.id, jobId))
      .returning();
    await recordAudit(tx, ctx, { action: "memory_reembed.resume", targetType: "memory_reembed_job", targetId: jobId });
    return resumed;
  });
}

async function setJob(db: DbOrTx, id: string, values: Partial<MemoryReembedJob>) {
  const [job] = await db.update(memoryReembedJobs).set(values).where(eq(memoryReembedJobs.id, id)).returning();
  return job;
}

/** Runs batches of one job until it finishes, fails, or `budgetMs` is spent. */
export async function runReembedStep(
  db: Db,
  jobId: string,
  options: { budgetMs?: number; batchSize?: number } = {},
): Promise<MemoryReembedJob> {
  const started = Date.now();
  let [job] = await db.select().from(memoryReembedJobs).where(eq(memoryReembedJobs.id, jobId));
  if (job?.status !== "running") return job;
  const settings = await loadAiSettings(db, job.workspaceId);
  if (!settings || !sameSpace(settings.embedding, job.target))
    return setJob(db, job.id, { status: "cancelled", finishedAt: new Date(), lastError: "the settings changed again" });
  const target = spaceWithEmbedder(job.target, settings.embeddingApiKey);
  // The built-in embedder is synchronous CPU: without turns between batches a step held the event loop for its whole budget.
  const slice = createTimeSlice();
  for (;;) {
    await slice.yieldNow();
    try {
      await fillMissingVectors(db, target, job.workspaceId, options.batchSize ?? reembedBatchSize, slice);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "embedding failed";
      return setJob(db, job.id, { status: "failed", errors: job.errors + 1, lastError: reason.slice(0, 500), finishedAt: new Date() });
    }
    const missing = await countMissingVectors(db, target.space, job.workspaceId);
    const total = await workspaceCount(db, job.workspaceId);
    job = await setJob(db, job.id, { done: total - missing, total });
    if (missing === 0) return finishJob(db, job);
    if (Date.now() - started >= (options.budgetMs ?? 5_000)) return job;
  }
}

async function finishJob(db: Db, job: MemoryReembedJob): Promise<MemoryReembedJob> {
  const target = vectorSpaceOf(job.target);
  const outcome = await db.transaction(async (tx) => {
    // Writes may have landed since the last count: switch only when nothing is missing.
    if ((await countMissingVectors(tx, target, job.workspaceId)) > 0) return null;
    const [before] = await tx.select().from(memoryAiSettings).where(eq(memoryAiSettings.workspaceId, job.workspaceId));
    await tx
      .update(memoryAiSettings)
      .set({ activeEmbedding: job.target, activeEmbeddingApiKey: before.embeddingApiKey })
      .where(eq(memoryAiSettings.workspaceId, job.workspaceId));
    const done = await setJob(tx, job.id, { status: "done", finishedAt: new Date() });
    await recordAudit(
      tx,
      { userId: "system", userName: "memory re-embedding", workspaceId: job.workspaceId },
      { action: "memory_reembed.switch", targetType: "memory_reembed_job", targetId: job.id, after: { done: job.done } },
    );
    return { done };
  });
  if (!outcome) return job; // the next step embeds the newcomers
  await releaseUnusedSpaces(db, job.workspaceId, [target]);
  await invalidateMemoryReads(job.workspaceId);
  return outcome.done;
}

/** What the dispatcher and the webhook call: a step of every running job, oldest first. */
export async function runPendingReembedJobs(db: Db, options: { budgetMs?: number } = {}): Promise<{ running: number }> {
  const jobs = await db
    .select({ id: memoryReembedJobs.id })
    .from(memoryReembedJobs)
    .where(eq(memoryReembedJobs.status, "running"))
    .orderBy(asc(memoryReembedJobs.createdAt));
  let running = 0;
  for (const { id } of jobs) if ((await runReembedStep(db, id, options)).status === "running") running++;
  return { running };
}
