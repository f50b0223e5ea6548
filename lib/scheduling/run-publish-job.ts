/**
 * Handles one delivery of a publish job: claim it with a single conditional UPDATE (a
 * duplicate or stale delivery finds nothing to claim), publish, record the outcome.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { drafts, publishJobs, type PublishJob } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { relaxedTransaction } from "@/db/commit-durability";
import { groupCommit, settle } from "@/db/group-commit";
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

export async function claimJob(db: DbOrTx, delivery: DeliveryPayload, now: Date): Promise<PublishJob | null> {
  const [claimed] = await db
    .update(publishJobs)
    .set({ status: "publishing", claimedAt: now, attempts: sql`${publishJobs.attempts} + 1` })
    .where(and(eq(publishJobs.id, delivery.jobId), eq(publishJobs.workspaceId, delivery.workspaceId), eq(publishJobs.version, delivery.version), eq(publishJobs.status, "scheduled"), lte(publishJobs.runAt, new Date(now.getTime() + earlyToleranceMs))))
    .returning();
  return claimed ?? null;
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
      return { status: "published" as const, remoteId: outcome.remoteId ?? null, remoteUrl: outcome.url ?? null, finishedAt: now, lastErrorCode: null, lastErrorMessage: null };
    case "rejected":
      return { status: "failed" as const, finishedAt: now, lastErrorCode: outcome.code, lastErrorMessage: outcome.reason };
    case "unknown":
      return { status: "unconfirmed" as const, finishedAt: now, lastErrorCode: outcome.code, lastErrorMessage: outcome.reason };
    case "retryable":
      return job.attempts < job.maxAttempts
        ? { status: "scheduled" as const, runAt: new Date(now.getTime() + retryDelayMs(job.attempts)), version: job.version + 1, claimedAt: null, lastErrorCode: outcome.code, lastErrorMessage: outcome.reason }
        : { status: "failed" as const, finishedAt: now, lastErrorCode: outcome.code, lastErrorMessage: `${outcome.reason} (gave up after ${job.attempts} attempts)` };
  }
}

type Claim = { delivery: DeliveryPayload; now: Date };
type Outcome = { job: PublishJob; outcome: PublishOutcome; changes: ReturnType<typeof changesFor> };

/**
 * Claims and outcomes are written through group commits (db/group-commit.ts): deliveries that
 * arrive together share one transaction, so a burst of webhooks pays one fsync per batch instead
 * of one per job. Each claim is still its own conditional UPDATE and each outcome its own
 * savepoint: batching changes how often we commit, never what a delivery may do.
 */
function writersFor(db: Db) {
  let writers = writersByDb.get(db);
  if (!writers) {
    writers = {
      // Durable (synchronous=FULL): every claim is on disk before its publisher is called.
      claim: groupCommit<Claim, PublishJob | null>((claims) =>
        db.transaction(async (tx) => {
          const results = [];
          for (const { delivery, now } of claims) results.push(await settle(() => claimJob(tx, delivery, now)));
          return results;
        }),
      ),
      record: groupCommit<Outcome, DeliveryResult>((outcomes) =>
        relaxedTransaction(db, async (tx) => {
          const results = [];
          for (const o of outcomes) results.push(await settle(() => tx.transaction((sp) => recordOutcome(sp, o))));
          return results;
        }),
      ),
    };
    writersByDb.set(db, writers);
  }
  return writers;
}
const writersByDb = new WeakMap<Db, { claim: (c: Claim) => Promise<PublishJob | null>; record: (o: Outcome) => Promise<DeliveryResult> }>();

async function recordOutcome(tx: DbOrTx, { job, outcome, changes }: Outcome): Promise<DeliveryResult> {
  const [updated] = await tx
    .update(publishJobs)
    .set(changes)
    .where(and(eq(publishJobs.id, job.id), eq(publishJobs.status, "publishing")))
    .returning();
  await recordAudit(
    tx,
    { userId: "system", userName: "scheduler", workspaceId: job.workspaceId },
    { action: `publish.${outcome.kind}`, targetType: "publish_job", targetId: job.id, after: { accountId: job.accountId, title: job.snapshot.title, attempt: job.attempts, status: changes.status, code: "code" in outcome ? outcome.code : undefined, reason: "reason" in outcome ? outcome.reason : undefined } },
  );
  if (!updated) return { result: "skipped" }; // the sweep took it meanwhile
  if (outcome.kind === "published") await outcome.record?.(tx);
  let notifications: string[] = [];
  if (changes.status === "failed" || changes.status === "unconfirmed") {
    // Everyone who can act on it hears about it, in the app; channels (robots, email) through
    // the outbox, delivered after the response so a slow channel never holds the webhook.
    const people = await usersWithPermission(tx, job.workspaceId, "schedules.write");
    await notify(tx, job.workspaceId, job.createdBy ? [...people, job.createdBy] : people, `publish_${changes.status}`, { title: job.snapshot.title, jobId: job.id, accountId: job.accountId, reason: changes.lastErrorMessage, by: "" });
    notifications = await enqueueNotification(tx, job.workspaceId, { kind: `publish_${changes.status}`, payload: { title: job.snapshot.title, jobId: job.id, accountId: job.accountId, reason: changes.lastErrorMessage } });
  }
  if (changes.status === "published" && job.draftId) {
    // The draft's first post that goes live marks it published.
    await tx.update(drafts).set({ status: "published" }).where(and(eq(drafts.id, job.draftId), eq(drafts.status, "scheduled")));
  }
  const result = changes.status === "scheduled" ? "retry" : changes.status;
  return { result, job: updated, notifications } as DeliveryResult;
}

export async function runPublishJob(db: Db, delivery: DeliveryPayload, publish: PublishFn, now = new Date()): Promise<DeliveryResult> {
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
