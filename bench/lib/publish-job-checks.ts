/**
 * What the database says about a batch of bench publish jobs: status counts, how many sandbox
 * publications each job produced (exactly once = every job has one), and per-job timings.
 * The sandbox publisher stores the note with idempotencyKey = job id, which links the two.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export type ExactlyOnce = {
  jobs: number;
  statuses: Record<string, number>;
  /** Jobs with exactly one sandbox publication. */
  publishedOnce: number;
  /** Jobs with more than one (a double post: must be 0). */
  duplicated: number;
  /** Jobs with none. */
  missing: number;
  /** Published jobs whose remote_id is not the id of their sandbox publication. */
  remoteIdMismatch: number;
  ok: boolean;
};

export async function checkExactlyOnce(db: Db, batchId: string): Promise<ExactlyOnce> {
  const statusRows = await db.all<{ status: string; n: number }>(
    sql`select status, count(*) as n from publish_jobs where batch_id = ${batchId} group by status`,
  );
  const statuses = Object.fromEntries(statusRows.map((r) => [r.status, Number(r.n)]));
  const jobs = statusRows.reduce((sum, r) => sum + Number(r.n), 0);
  const [pubs] = await db.all<{ once: number; dup: number; missing: number; mismatch: number }>(sql`
    with pubs as (
      select json_extract(payload, '$.idempotencyKey') as job_id, count(*) as n, min(id) as pub_id
      from sandbox_publications group by job_id
    ),
    per_job as (
      select j.id, j.status, j.remote_id, coalesce(p.n, 0) as n, p.pub_id
      from publish_jobs j left join pubs p on p.job_id = j.id where j.batch_id = ${batchId}
    )
    select
      coalesce(sum(n = 1), 0) as once,
      coalesce(sum(n > 1), 0) as dup,
      coalesce(sum(n = 0), 0) as missing,
      coalesce(sum(status = 'published' and (remote_id is null or remote_id <> pub_id)), 0) as mismatch
    from per_job`);
  const result = {
    jobs,
    statuses,
    publishedOnce: Number(pubs.once),
    duplicated: Number(pubs.dup),
    missing: Number(pubs.missing),
    remoteIdMismatch: Number(pubs.mismatch),
  };
  return {
    ...result,
    ok: jobs > 0 && result.publishedOnce === jobs && (statuses.published ?? 0) === jobs && result.remoteIdMismatch === 0,
  };
}

/** Jobs of the batch that are still scheduled or publishing. */
export async function pendingJobs(db: Db, batchId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`select count(*) as n from publish_jobs where batch_id = ${batchId} and status in ('scheduled', 'publishing')`,
  );
  return Number(row.n);
}

export type JobTiming = { runAt: number; claimedAt: number | null; finishedAt: number | null; status: string };

export async function jobTimings(db: Db, batchId: string): Promise<JobTiming[]> {
  const rows = await db.all<{ run_at: number; claimed_at: number | null; finished_at: number | null; status: string }>(
    sql`select run_at, claimed_at, finished_at, status from publish_jobs where batch_id = ${batchId}`,
  );
  return rows.map((r) => ({
    runAt: Number(r.run_at),
    claimedAt: r.claimed_at === null ? null : Number(r.claimed_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    status: r.status,
  }));
}
