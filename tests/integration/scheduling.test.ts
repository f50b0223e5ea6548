/**
 * Scheduling through @upstash/qstash's own Client and a local QStash stand-in that delivers
 * with real signatures, and through the embedded dispatcher: on time, exactly once, nothing lost.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditEvents, notifications, publishJobs, type PublishJob } from "@/db/schema";
import { archiveAccount } from "@/lib/accounts/account-status";
import { createAccount } from "@/lib/accounts/create-account";
import { createPublishJob, cancelPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { createQstashDriver } from "@/lib/scheduling/drivers/qstash-driver";
import { deliverSigned, startEmbeddedDispatcher } from "@/lib/scheduling/embedded-dispatcher";
import type { PublishOutcome } from "@/lib/scheduling/publish-outcome";
import { claimJob, claimJobs, runPublishJob } from "@/lib/scheduling/run-publish-job";
import { sweepJobs } from "@/lib/scheduling/sweep";
import { setUpWorkspace } from "../support/fixtures";
import { startPublishReceiver } from "../support/publish-webhook-receiver";
import { startQstashServer } from "../support/qstash-server";
import { migratedDb } from "../support/test-db";

const keys = { current: "sig_test_current_key", next: "sig_test_next_key" };
const snapshot = { title: "秋冬敏感肌护肤清单", body: "第一步：温和洁面\n第二步：保湿", topics: ["护肤"], images: ["/media/1.jpg"] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(50);
  }
}

describe("scheduling and publishing", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let accountId = "";
  const published: PublishJob[] = [];
  const behaviour: () => PublishOutcome = () => ({
    kind: "published",
    remoteId: "note_1",
    url: "https://www.xiaohongshu.com/explore/note_1",
  });
  let qstash: Awaited<ReturnType<typeof startQstashServer>>;
  let receiver: Awaited<ReturnType<typeof startPublishReceiver>>;
  let driver: ReturnType<typeof createQstashDriver>;
  const jobRow = async (id: string) => (await db.select().from(publishJobs).where(eq(publishJobs.id, id)))[0];

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    accountId = (await createAccount(db, ws.admin, { name: "小鹿美妆日记", redId: "xiaolu" })).id;
    qstash = await startQstashServer({ token: "qstash-test-token", signingKey: keys.current });
    receiver = await startPublishReceiver({
      db,
      keys,
      publish: async (job) => {
        published.push(job);
        return behaviour();
      },
      driver: () => driver,
    });
    driver = createQstashDriver({ token: "qstash-test-token", baseUrl: qstash.url, appUrl: receiver.url });
  });
  afterAll(async () => {
    await qstash?.close();
    await receiver?.close();
  });

  it("delivers at run_at through QStash and publishes once", async () => {
    const runAt = new Date(Date.now() + 1500);
    const job = await createPublishJob(db, driver, ws.admin, { accountId, snapshot, runAt });
    expect(job.schedulerMessageId).toMatch(/^msg_/);
    const done = await waitFor(async () => ((await jobRow(job.id)).status === "published" ? jobRow(job.id) : null));
    expect(done.remoteUrl).toContain("note_1");
    expect(published.filter((p) => p.id === job.id)).toHaveLength(1);
    // The stand-in logs a delivery when the webhook has answered, just after the row changed.
    const delivery = await waitFor(async () => qstash.deliveries.find((d) => d.messageId === job.schedulerMessageId));
    expect(delivery.status).toBe(200);
    expect(done.claimedAt!.getTime()).toBeGreaterThanOrEqual(runAt.getTime());
  });

  it("deduplicates a resend of the same delivery attempt, and the same request makes one job", async () => {
    const runAt = new Date(Date.now() + 500);
    const first = await createPublishJob(db, driver, ws.admin, { accountId, snapshot, runAt, idempotencyKey: "batch-42-account-1" });
    const again = await createPublishJob(db, driver, ws.admin, { accountId, snapshot, runAt, idempotencyKey: "batch-42-account-1" });
    expect(again.id).toBe(first.id);
    const messageId = await driver.enqueue({
      jobId: first.id,
      workspaceId: first.workspaceId,
      version: first.version,
      runAt,
      deliveryId: `${first.id}-v1-a1`,
    });
    expect(messageId).toBe(first.schedulerMessageId);
    expect(qstash.published.at(-1)).toMatchObject({ status: 202, deduplicationId: `${first.id}-v1-a1` });
    await waitFor(async () => (await jobRow(first.id)).status === "published");
    expect(published.filter((p) => p.id === first.id)).toHaveLength(1);
  });

  it("cancels a scheduled job (the QStash message too) and refuses to cancel twice or after publishing", async () => {
    const job = await createPublishJob(db, driver, ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 60_000) });
    const canceled = await cancelPublishJob(db, driver, ws.admin, job.id);
    expect(canceled.status).toBe("canceled");
    expect(qstash.messages.get(job.schedulerMessageId!)?.state).toBe("CANCELLED");
    await expect(cancelPublishJob(db, driver, ws.admin, job.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const done = published[0];
    await expect(cancelPublishJob(db, driver, ws.admin, done.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("publishes once when the same delivery arrives 10 times at once", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const before = published.length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliverSigned(`${receiver.url}/api/webhooks/publish`, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, keys.current),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(published.length - before).toBe(1);
    expect((await jobRow(job.id)).status).toBe("published");
  });

  it("deliveries that arrive together share commits, yet a failing outcome undoes only its own job", async () => {
    const jobs = await Promise.all(
      [0, 1, 2].map(() => createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() })),
    );
    const broken = jobs[1].id;
    const results = await Promise.allSettled(
      jobs.map((job) =>
        runPublishJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, async () => ({
          kind: "published",
          remoteId: `n_${job.id}`,
          record: async () => {
            if (job.id === broken) throw new Error("disk trouble while recording");
          },
        })),
      ),
    );
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.result : "error"))).toEqual(["published", "error", "published"]);
    // The broken job's outcome rolled back to its claim (the sweep hands it to a person); its neighbours committed.
    expect((await jobRow(broken)).status).toBe("publishing");
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, broken), eq(auditEvents.action, "publish.published"))),
    ).toHaveLength(0);
    for (const job of [jobs[0], jobs[2]]) expect(await jobRow(job.id)).toMatchObject({ status: "published", remoteId: `n_${job.id}` });
    expect((await sweepJobs(db, new Date(Date.now() + 11 * 60_000))).unconfirmed).toBe(1);
    expect((await jobRow(broken)).status).toBe("unconfirmed");
  });

  it("claims a batch with one statement: each job once, and only at its version, in its workspace, when due", async () => {
    const make = (runAt: Date) => createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt });
    const [due, other, later] = [await make(new Date()), await make(new Date()), await make(new Date(Date.now() + 3600_000))];
    const now = new Date();
    const claimed = await claimJobs(
      db,
      [
        { jobId: due.id, workspaceId: due.workspaceId, version: 1 },
        { jobId: due.id, workspaceId: due.workspaceId, version: 1 }, // the same delivery again
        { jobId: other.id, workspaceId: other.workspaceId, version: 2 }, // a stale or future version
        { jobId: other.id, workspaceId: "ws_someone_else", version: 1 }, // another workspace
        { jobId: later.id, workspaceId: later.workspaceId, version: 1 }, // not due yet
      ],
      now,
    );
    expect(claimed.map((job) => job?.id ?? null)).toEqual([due.id, null, null, null, null]);
    expect((await jobRow(due.id)).status).toBe("publishing");
    expect((await jobRow(other.id)).status).toBe("scheduled");
    expect((await jobRow(later.id)).status).toBe("scheduled");
    expect((await sweepJobs(db, new Date(now.getTime() + 11 * 60_000))).unconfirmed).toBe(1);
    for (const job of [other, later]) await cancelPublishJob(db, embeddedDriver, ws.admin, job.id);
  });

  it("refuses deliveries with a forged signature and changes nothing", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const res = await deliverSigned(
      `${receiver.url}/api/webhooks/publish`,
      { jobId: job.id, workspaceId: job.workspaceId, version: 1 },
      "not-the-key",
    );
    expect(res.status).toBe(401);
    expect((await jobRow(job.id)).status).toBe("scheduled");
    await cancelPublishJob(db, embeddedDriver, ws.admin, job.id);
  });

  it("leaves a job claimed by a process that died recoverable: the sweep marks it unconfirmed", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const claimedAt = new Date();
    expect(await claimJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, claimedAt)).not.toBeNull(); // ...and then the process is killed
    expect((await sweepJobs(db, new Date(claimedAt.getTime() + 60_000))).unconfirmed).toBe(0);
    expect((await sweepJobs(db, new Date(claimedAt.getTime() + 11 * 60_000))).unconfirmed).toBe(1);
    const row = await jobRow(job.id);
    expect(row.status).toBe("unconfirmed");
    expect(row.lastErrorCode).toBe("STUCK_PUBLISHING");
    expect((await runPublishJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, async () => behaviour())).result).toBe(
      "skipped",
    );
  });

  it("retries a failure before sending with backoff, never an unknown outcome", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const outcomes: PublishOutcome[] = [
      { kind: "retryable", code: "BRIDGE_DOWN", reason: "connection refused" },
      { kind: "retryable", code: "BRIDGE_DOWN", reason: "connection refused" },
      { kind: "published", remoteId: "n2" },
    ];
    let now = new Date();
    for (const [i, outcome] of outcomes.entries()) {
      const result = await runPublishJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: i + 1 }, async () => outcome, now);
      expect(result.result).toBe(i < 2 ? "retry" : "published");
      if (result.result === "retry") {
        expect(result.job.runAt.getTime()).toBeGreaterThan(now.getTime());
        now = result.job.runAt;
      }
    }
    expect(await jobRow(job.id)).toMatchObject({ status: "published", attempts: 3, version: 3 });

    const risky = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const result = await runPublishJob(db, { jobId: risky.id, workspaceId: risky.workspaceId, version: 1 }, async () => ({
      kind: "unknown",
      code: "TIMEOUT_AFTER_SEND",
      reason: "timed out",
    }));
    expect(result.result).toBe("unconfirmed");
    const told = await db.select().from(notifications).where(eq(notifications.kind, "publish_unconfirmed"));
    expect(told.map((n) => n.userId)).toContain(ws.userId);
    expect(told[0].payload).toMatchObject({ jobId: risky.id, title: snapshot.title });
    expect((await sweepJobs(db, new Date(Date.now() + 3600_000))).lost.map((j) => j.id)).not.toContain(risky.id);
  });

  it("delivers due jobs from the embedded dispatcher with signed requests", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 300) });
    const dispatcher = startEmbeddedDispatcher({ db, appUrl: receiver.url, signingKey: keys.current, tickMs: 50 });
    try {
      await waitFor(async () => (await jobRow(job.id)).status === "published");
    } finally {
      dispatcher.stop();
    }
  });

  it("backs off while the webhook cannot be reached, instead of failing every tick, and the job stays due", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 100) });
    await sleep(150);
    const errors: unknown[] = [];
    const dispatcher = startEmbeddedDispatcher({
      db,
      appUrl: "http://127.0.0.1:9",
      signingKey: keys.current,
      tickMs: 20,
      onError: (e) => errors.push(e),
    });
    await sleep(1_200); // ~60 ticks: pauses of 250, 500 ms... allow only a handful of attempts
    dispatcher.stop();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.length).toBeLessThanOrEqual(4);
    expect((await jobRow(job.id)).status).toBe("scheduled");
    await cancelPublishJob(db, embeddedDriver, ws.admin, job.id);
  });

  it("refuses to archive an account that has publish jobs", async () => {
    const fresh = await createAccount(db, ws.admin, { name: "新号", redId: "fresh_archive" });
    await createPublishJob(db, embeddedDriver, ws.admin, { accountId: fresh.id, snapshot, runAt: new Date(Date.now() + 3600_000) });
    await expect(archiveAccount(db, ws.admin, fresh.id)).rejects.toMatchObject({ code: "ACCOUNT_HAS_HISTORY" });
  });

  it("refuses a time in the past or years ahead, a paused account, and another workspace's account", async () => {
    const schedule = (over: Partial<Parameters<typeof createPublishJob>[3]>) =>
      createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date(), ...over });
    await expect(schedule({ runAt: new Date(Date.now() - 3600_000) })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(schedule({ runAt: new Date(Date.now() + 5 * 366 * 86_400_000) })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(schedule({ accountId: "acc_of_another_workspace" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const paused = await createAccount(db, ws.admin, { name: "暂停的号", redId: "paused_one" });
    await db.update(accounts).set({ status: "paused" }).where(eq(accounts.id, paused.id));
    await expect(schedule({ accountId: paused.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});
