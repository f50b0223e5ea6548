/**
 * Handles one delivery of a publish job: claim it with a single conditional UPDATE (a
 * duplicate or stale delivery finds nothing to claim), publish, record the outcome.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { drafts, publishJobs, type PublishJob } from "@/db/schema";
import { recordAudits } from "@/lib/audit/record-audit";
import { relaxedTransaction } from "@/db/commit-durability";
import { groupCommit, settle, type ItemResult } from "@/db/group-commit";
import { enqueueNotification } from "@/lib/notifications/channels/notification-outbox";
import { notify, usersWithPermission } from "@/lib/notifications/notifications";
import { retryDelayMs } from "./backoff";
import type { DeliveryPayload } from "./drivers/scheduler-driver";
import type { PublishFn, PublishOutcome } from "./publish-outcome";

/** notifications: outbox rows written with the outcome, for the caller to deliver after answering. */
export type DeliveryResult =
  | { result: "skipped" }
  | { result: "published" | "failed" | "unconfirmed"; job: PublishJob; notifications: string[] }
  | { result: "retry"; job: PublishJob; notifications: string[] };

/** Deliveries may arrive a little early (clocks differ between QStash and us). */
const earlyToleranceMs = 2_000;

/**
 * Claims deliveries with one conditional UPDATE: only jobs still `scheduled`, due (within the
 * tolerance) and at the delivered version are taken. A job asked for twice goes to the first
 * delivery that asked; the others (duplicates, stale versions, other workspaces) get null.
 */
export async function claimJobs(db: DbOrTx, deliveries: DeliveryPayload[], now: Date): Promise<(PublishJob | null)[]> {
  if (deliveries.length === 0) return [];
  const claimed = await db
    .update(publishJobs)
    .set({ status: "publishing", claimedAt: now, attempts: sql`${publishJobs.attempts} + 1` })
    .where(
      and(
        inArray(publishJobs.id, [...new Set(deliveries.map((d) => d.jobId))]),
        // Unary + keeps SQLite on the primary key: left to itself it picks the (status, run_at)
        // index and walks every due job to find these few.
        sql`+${publishJobs.status} = 'scheduled'`,
        sql`+${publishJobs.runAt} <= ${new Date(now.getTime() + earlyToleranceMs).getTime()}`,
        or(
          ...deliveries.map((d) =>
            and(eq(publishJobs.id, d.jobId), eq(publishJobs.workspaceId, d.workspaceId), eq(publishJobs.version, d.version)),
          ),
        ),
      ),
    )
    .returning();
  const unclaimed = new Map(claimed.map((job) => [job.id, job]));
  return deliveries.map((d) => {
    const job = unclaimed.get(d.jobId);
    if (!job || job.workspaceId !== d.workspaceId || job.version !== d.version) return null;
    unclaimed.delete(d.jobId);
    return job;
  });
}

export async function claimJob(db: DbOrTx, delivery: DeliveryPayload, now: Date): Promise<PublishJob | null> {
  return (await claimJobs(db, [delivery], now))[0];
}

async function safePublish(publish: PublishFn, job: PublishJob): Promise<PublishOutcome> {
  try {
    return await publish(job);
  } catch (error) {
    // A publisher that throws broke its contract; we cannot know whether it sent anything.
    return { kind: "unknown", code: "PUBLISHER_CRASHED", reason: (error as Error).message.slice(0, 500) };
  }
}

function changesFor(job: PublishJob, outcome: PublishOutcome, now: Date) {
  switch (outcome.kind) {
    case "published":
      return {
        status: "published" as const,
        remoteId: outcome.remoteId ?? null,
        remoteUrl: outcome.url ?? null,
        finishedAt: now,
        lastErrorCode: null,
        lastErrorMessage: null,
      };
    case "rejected":
      return { status: "failed" as const, finishedAt: now, lastErrorCode: outcome.code, lastErrorMessage: outcome.reason };
    case "unknown":
      return { status: "unconfirmed" as const, finishedAt: now, lastErrorCode: outcome.code, lastErrorMessage: outcome.reason };
    case "retryable":
      return job.attempts < job.maxAttempts
        ? {
            status: "scheduled" as const,
            runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
            version: job.version + 1,
            claimedAt: null,
            lastErrorCode: outcome.code,
            lastErrorMessage: outcome.reason,
          }
        : {
            status: "failed" as const,
            finishedAt: now,
            lastErrorCode: outcome.code,
            lastErrorMessage: `${outcome.reason} (gave up after ${job.attempts} attempts)`,
          };
  }
}

/** now: when the caller fixes the claim time (tests); otherwise the batch's own time is used. */
type Claim = { delivery: DeliveryPayload; now?: Date };
type Outcome = { job: PublishJob; outcome: PublishOutcome; changes: ReturnType<typeof changesFor> };

/** Claims a batch: one UPDATE per distinct claim time (one in production), all in one durable transaction. */
async function claimBatch(db: Db, claims: Claim[]): Promise<ItemResult<PublishJob | null>[]> {
  const batchNow = new Date();
  const byTime = new Map<number, { claim: Claim; index: number }[]>();
  claims.forEach((claim, index) => {
    const time = (claim.now ?? batchNow).getTime();
    byTime.set(time, [...(byTime.get(time) ?? []), { claim, index }]);
  });
  const jobs: (PublishJob | null)[] = [];
  // Durable (synchronous=FULL): every claim is on disk before its publisher is called.
  await db.transaction(async (tx) => {
    for (const [time, group] of byTime) {
      const claimed = await claimJobs(
        tx,
        group.map((g) => g.claim.delivery),
        new Date(time),
      );
      group.forEach((g, i) => (jobs[g.index] = claimed[i]));
    }
  });
  return jobs.map((value) => ({ ok: true, value }));
}

/**
 * Records a batch of outcomes in one relaxed transaction. If anything in it fails, the whole
 * transaction rolls back and each outcome is recorded alone, so only the broken one fails.
 */
async function recordBatch(db: Db, outcomes: Outcome[]): Promise<ItemResult<DeliveryResult>[]> {
  try {
    const results = await relaxedTransaction(db, (tx) => recordOutcomes(tx, outcomes));
    return results.map((value) => ({ ok: true, value }));
  } catch (error) {
    if (outcomes.length === 1) return [{ ok: false, error }];
    const results: ItemResult<DeliveryResult>[] = [];
    for (const outcome of outcomes)
      results.push(await settle(async () => (await relaxedTransaction(db, (tx) => recordOutcomes(tx, [outcome])))[0]));
    return results;
  }
}

/**
 * Claims and outcomes are written through group commits (db/group-commit.ts): deliveries that
 * arrive together share one claim statement and one outcome transaction, so a burst of webhooks
 * pays one fsync per batch instead of one per job. Batching changes how often we commit, never
 * what a delivery may claim or record.
 */
const writersByDb = new WeakMap<Db, { claim: (c: Claim) => Promise<PublishJob | null>; record: (o: Outcome) => Promise<DeliveryResult> }>();

function writersFor(db: Db) {
  let writers = writersByDb.get(db);
  if (!writers) {
    writers = {
      claim: groupCommit((claims: Claim[]) => claimBatch(db, claims)),
      record: groupCommit((outcomes: Outcome[]) => recordBatch(db, outcomes)),
    };
    writersByDb.set(db, writers);
  }
  return writers;
}

const auditOf = ({ job, outcome, changes }: Outcome) => ({
  actor: { userId: "system", userName: "scheduler", workspaceId: job.workspaceId },
  input: {
    action: `publish.${outcome.kind}`,
    targetType: "publish_job",
    targetId: job.id,
    after: {
      accountId: job.accountId,
      title: job.snapshot.title,
      attempt: job.attempts,
      status: changes.status,
      code: "code" in outcome ? outcome.code : undefined,
      reason: "reason" in outcome ? outcome.reason : undefined,
    },
  },
});

async function recordOutcomes(tx: DbOrTx, outcomes: Outcome[]): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const outcome of outcomes) results.push(await applyOutcome(tx, outcome));
  await recordAudits(tx, outcomes.map(auditOf));
  return results;
}

async function applyOutcome(tx: DbOrTx, { job, outcome, changes }: Outcome): Promise<DeliveryResult> {
  const updatedAt = new Date();
  const [found] = await tx
    .update(publishJobs)
    .set({ ...changes, updatedAt })
    .where(and(eq(publishJobs.id, job.id), eq(publishJobs.status, "publishing")))
    .returning({ id: publishJobs.id });
  if (!found) return { result: "skipped" }; // the sweep took it meanwhile
  // While `publishing` nothing else writes the row, so the claimed row plus these changes is the
  // stored row: no need to read every column back.
  const updated: PublishJob = { ...job, ...changes, updatedAt };
  if (outcome.kind === "published") await outcome.record?.(tx);
  let notifications: string[] = [];
  if (changes.status === "failed" || changes.status === "unconfirmed") {
    // Everyone who can act on it hears about it, in the app; channels (robots, email) through
    // the outbox, delivered after the response so a slow channel never holds the webhook.
    const people = await usersWithPermission(tx, job.workspaceId, "schedules.write");
    await notify(tx, job.workspaceId, job.createdBy ? [...people, job.createdBy] : people, `publish_${changes.status}`, {
      title: job.snapshot.title,
      jobId: job.id,
      accountId: job.accountId,
      reason: changes.lastErrorMessage,
      by: "",
    });
    notifications = await enqueueNotification(tx, job.workspaceId, {
      kind: `publish_${changes.status}`,
      payload: { title: job.snapshot.title, jobId: job.id, accountId: job.accountId, reason: changes.lastErrorMessage },
    });
  }
  if (changes.status === "published" && job.draftId) {
    // The draft's first post that goes live marks it published.
    await tx
      .update(drafts)
      .set({ status: "published" })
      .where(and(eq(drafts.id, job.draftId), eq(drafts.status, "scheduled")));
  }
  const result = changes.status === "scheduled" ? "retry" : changes.status;
  return { result, job: updated, notifications } as DeliveryResult;
}

export async function runPublishJob(db: Db, delivery: DeliveryPayload, publish: PublishFn, now?: Date): Promise<DeliveryResult> {
  const writers = writersFor(db);
  const job = await writers.claim({ delivery, now });
  if (!job) return { result: "skipped" };
  const outcome = await safePublish(publish, job);
  // Why a relaxed commit is safe here (and only here): the claim committed durably
  // (synchronous=FULL) before anything was sent. If a power cut rolls this commit back, the job
  // is found in `publishing` again and the sweep moves it to `unconfirmed` for a person: it is
  // neither lost nor published twice. A process crash (kill -9) loses nothing at all: the WAL
  // write has reached the OS. The sandbox record and the notification outbox rows live in this
  // same transaction, so they roll back with it. A lost `retry` outcome likewise leaves the job in
  // `publishing`: the redelivery finds nothing to claim and the sweep hands it to a person.
  return writers.record({ job, outcome, changes: changesFor(job, outcome, new Date()) });
}
