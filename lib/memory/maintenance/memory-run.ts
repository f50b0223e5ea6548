/**
 * The progress row of a long maintenance run (db/schema/memory-runs.ts). `withMemoryRun` opens
 * the row, hands the work a reporter, and closes it as done (with the result) or failed (with
 * the reason, then rethrows). Progress writes are throttled to one a second: each is a small
 * statement of its own between slices, never inside the run's write transactions.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memoryRuns, type MemoryRun, type MemoryRunKind } from "@/db/schema";
import type { MemoryActor } from "../memory-access";

export type RunReporter = {
  readonly id: string;
  /** Records the phase and done/total; written at most once per `everyMs` unless the phase changed. */
  progress(phase: string, done: number, total: number): Promise<void>;
};

const everyMs = 1_000;
/** A running row not updated for this long belongs to a process that died. */
export const staleRunMs = 5 * 60_000;

export async function withMemoryRun<T extends object>(
  db: Db,
  actor: MemoryActor,
  run: { id: string; kind: MemoryRunKind; phase: string },
  work: (reporter: RunReporter) => Promise<T>,
): Promise<T> {
  await db
    .insert(memoryRuns)
    .values({ id: run.id, workspaceId: actor.workspaceId, actorId: actor.userId, kind: run.kind, phase: run.phase });
  let lastWrite = performance.now();
  let lastPhase = run.phase;
  const reporter: RunReporter = {
    id: run.id,
    async progress(phase, done, total) {
      if (phase === lastPhase && performance.now() - lastWrite < everyMs) return;
      lastWrite = performance.now();
      lastPhase = phase;
      await db.update(memoryRuns).set({ phase, done, total }).where(eq(memoryRuns.id, run.id));
    },
  };
  try {
    const result = await work(reporter);
    await db
      .update(memoryRuns)
      .set({ status: "done", result: { ...result } as Record<string, unknown>, finishedAt: new Date() })
      .where(eq(memoryRuns.id, run.id));
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db
      .update(memoryRuns)
      .set({ status: "failed", error: reason.slice(0, 500), finishedAt: new Date() })
      .where(eq(memoryRuns.id, run.id))
      .catch(() => undefined);
    throw error;
  }
}

export function memoryRunView(run: MemoryRun) {
  const stale = run.status === "running" && Date.now() - run.updatedAt.getTime() > staleRunMs;
  return {
    id: run.id,
    kind: run.kind,
    status: stale ? ("failed" as const) : run.status,
    phase: run.phase,
    done: run.done,
    total: run.total,
    result: run.result,
    error: stale ? "the run stopped reporting (the server restarted?)" : run.error,
    actorId: run.actorId,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The latest runs in a workspace: the caller's own, or everyone's with memories.manage. */
export async function listMemoryRuns(db: Db, actor: MemoryActor, limit = 20) {
  const scope = actor.canManage
    ? eq(memoryRuns.workspaceId, actor.workspaceId)
    : and(eq(memoryRuns.workspaceId, actor.workspaceId), eq(memoryRuns.actorId, actor.userId));
  const rows = await db.select().from(memoryRuns).where(scope).orderBy(desc(memoryRuns.createdAt)).limit(limit);
  return rows.map(memoryRunView);
}
