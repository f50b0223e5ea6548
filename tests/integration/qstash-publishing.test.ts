/**
 * Publishing through QStash end to end: the app configured for QStash (APP_URL written with a
 * trailing slash, as people write it), @upstash/qstash's own Client, the QStash stand-in
 * (tests/support/qstash-server.ts, written from QStash's docs and SDK) calling the real webhook
 * routes with real signatures, the sweep arriving as QStash's schedule calls it. What must hold
 * when QStash misbehaves: a job past its time ends published or visibly failed, a batch is all
 * or nothing, and a scheduler outage never turns into an error for work that was saved.
 */
import { and, eq, inArray } from "drizzle-orm";
import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as readyRoute from "@/app/api/ready/route";
import * as scheduleRoute from "@/app/api/v1/drafts/[id]/schedule/route";
import * as deadLetterRoute from "@/app/api/webhooks/publish-failed/route";
import * as publishRoute from "@/app/api/webhooks/publish/route";
import * as sweepRoute from "@/app/api/webhooks/sweep/route";
import type { Db } from "@/db/client";
import { drafts, notifications, publishDispatches, publishJobs, sandboxPublications } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { createAccount } from "@/lib/accounts/create-account";
import { createDraft } from "@/lib/drafts/create-draft";
import { advanceDraft } from "@/lib/drafts/workflow";
import { getEnv } from "@/lib/env";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { rescheduleJob } from "@/lib/scheduling/job-actions";
import { ensureSchedules, sweepScheduleId } from "@/lib/scheduling/qstash-schedules";
import { callRoute } from "../support/call-route";
import { setUpWorkspace } from "../support/fixtures";
import { startQstashServer } from "../support/qstash-server";
import { serveRoutes } from "../support/serve-route";
import { migratedDb } from "../support/test-db";

const token = "qstash-e2e-token";
const keys = { current: "sig_e2e_current", next: "sig_e2e_next" };
const snapshot = { title: "早秋通勤穿搭", body: "一件风衣三种搭法", topics: ["穿搭"], images: ["https://example.com/coat.jpg"] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`not in time: ${what}`);
    await sleep(100);
  }
}

describe("publishing through QStash when QStash misbehaves", () => {
  let db: Db;
  let qstash: Awaited<ReturnType<typeof startQstashServer>>;
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let apiToken = "";
  let n = 0;
  const jobRow = async (id: string) => (await db.select().from(publishJobs).where(eq(publishJobs.id, id)))[0];
  const newAccount = async () => (await createAccount(db, ws.admin, { name: `通勤号${++n}`, redId: `commute_${n}` })).id;
  const publicationsOf = async (accountId: string) =>
    db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, accountId));
  /** Time passing, without waiting for it: the job was due minutes ago. */
  const makeOverdue = (jobId: string) =>
    db
      .update(publishJobs)
      .set({ runAt: new Date(Date.now() - 5 * 60_000) })
      .where(eq(publishJobs.id, jobId));
  /** ...and the outbox's backoff is over. */
  const endBackoff = () =>
    db
      .update(publishDispatches)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(publishDispatches.status, "pending"));
  /** The 5-minute sweep, as QStash's schedule calls it. */
  const sweep = () => qstash.fire(sweepScheduleId);

  beforeAll(async () => {
    qstash = await startQstashServer({ token, signingKey: keys.current });
    app = await serveRoutes({
      "/api/webhooks/publish": publishRoute.POST,
      "/api/webhooks/sweep": sweepRoute.POST,
      "/api/webhooks/publish-failed": deadLetterRoute.POST,
    });
    // Before the environment is first read. A trailing slash, as people write it.
    Object.assign(process.env, {
      APP_URL: `${app.url}/`,
      QSTASH_URL: qstash.url,
      QSTASH_TOKEN: token,
      QSTASH_CURRENT_SIGNING_KEY: keys.current,
      QSTASH_NEXT_SIGNING_KEY: keys.next,
    });
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    apiToken = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    expect(getSchedulerDriver().name).toBe("qstash");
    expect(await ensureSchedules(getEnv().scheduler as never, getEnv().appUrl)).toEqual([]); // as the server does at start
  });
  afterAll(async () => {
    await qstash?.close();
    await app?.close();
  });

  it("QStash accepts a delivery and never makes it: the sweep asks again under a new id and the job is published once", async () => {
    const accountId = await newAccount();
    qstash.loseDeliveries(true);
    const job = await createPublishJob(db, getSchedulerDriver(), ws.admin, { accountId, snapshot, runAt: new Date() });
    qstash.loseDeliveries(false);
    expect(job.schedulerMessageId).toMatch(/^msg_/);
    await makeOverdue(job.id);
    await sweep();
    await waitFor(async () => (await jobRow(job.id)).status === "published", "published after the sweep");
    expect(await publicationsOf(accountId)).toHaveLength(1);
    const ids = qstash.published.filter((p) => p.deduplicationId?.startsWith(job.id));
    expect(ids.map((p) => p.status)).toEqual([201, 201]);
    expect(new Set(ids.map((p) => p.deduplicationId)).size).toBe(2);
  });

  it("a job whose deliveries never arrive ends failed, and people are told, instead of staying scheduled", async () => {
    const accountId = await newAccount();
    qstash.loseDeliveries(true);
    try {
      const job = await createPublishJob(db, getSchedulerDriver(), ws.admin, { accountId, snapshot, runAt: new Date() });
      await makeOverdue(job.id);
      for (let i = 0; i < 4 && (await jobRow(job.id)).status === "scheduled"; i++) await sweep();
      expect(await jobRow(job.id)).toMatchObject({ status: "failed", lastErrorCode: "NOT_DELIVERED" });
      const told = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "publish_failed"), eq(notifications.userId, ws.userId)));
      expect(told.map((t) => t.payload)).toContainEqual(expect.objectContaining({ jobId: job.id }));
      expect(await publicationsOf(accountId)).toHaveLength(0);
    } finally {
      qstash.loseDeliveries(false);
    }
  });

  it("a delivery that arrives early is answered with a new delivery at the job's time, not swallowed", async () => {
    const accountId = await newAccount();
    qstash.loseDeliveries(true);
    const job = await createPublishJob(db, getSchedulerDriver(), ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 4_000) });
    qstash.loseDeliveries(false);
    // QStash's clock runs ahead of ours: the only delivery of the job comes now.
    await getSchedulerDriver().enqueue({
      jobId: job.id,
      workspaceId: job.workspaceId,
      version: job.version,
      runAt: new Date(),
      deliveryId: `${job.id}-early`,
    });
    await waitFor(async () => (await jobRow(job.id)).status === "published", "published at its time, without a sweep", 12_000);
    expect(await publicationsOf(accountId)).toHaveLength(1);
  });

  it("500 on the 3rd of 4 publishes: all 4 jobs exist, the answer says so, a second click returns the same batch, and all 4 publish", async () => {
    const accountIds = [await newAccount(), await newAccount(), await newAccount(), await newAccount()];
    const draft = await createDraft(db, ws.admin, {
      title: "通勤穿搭合集",
      text: "一件风衣三种搭法 #穿搭",
      accountIds,
      images: [{ url: "https://example.com/coat.jpg", alt: "" }],
    });
    await advanceDraft(db, ws.admin, draft.id, "submit");
    await advanceDraft(db, ws.admin, draft.id, "approve");
    qstash.failNext(1, 500, { match: /^POST \/v2\/publish\//, after: 2 });
    const body = { accountIds, staggerMinutes: 0, acknowledged: ["no_topics", "near_identical_copies"], batchKey: "e2e-batch-key-1" };
    const schedule = () => callRoute(scheduleRoute.POST, "/x", { method: "POST", token: apiToken, params: { id: draft.id }, body });
    const first = await schedule();
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json.scheduler).toEqual({ state: "pending", code: "SCHEDULER_UNAVAILABLE" });
    const jobs = await db.select().from(publishJobs).where(eq(publishJobs.batchId, first.json.batchId));
    expect(jobs).toHaveLength(4);
    expect((await db.select().from(drafts).where(eq(drafts.id, draft.id)))[0].status).toBe("scheduled");

    const again = await schedule();
    expect(again.status).toBe(201);
    expect(again.json.batchId).toBe(first.json.batchId);
    expect(await db.select().from(publishJobs).where(inArray(publishJobs.accountId, accountIds))).toHaveLength(4);

    await endBackoff();
    await sweep();
    for (const job of jobs) await waitFor(async () => (await jobRow(job.id)).status === "published", `job of ${job.accountId} published`);
    for (const accountId of accountIds) expect(await publicationsOf(accountId)).toHaveLength(1);
  });

  it("QStash down while scheduling: the job is scheduled (and said to be on its way), then published once QStash is back", async () => {
    const accountId = await newAccount();
    qstash.setDown(true);
    const job = await createPublishJob(db, getSchedulerDriver(), ws.admin, { accountId, snapshot, runAt: new Date() }).finally(() =>
      qstash.setDown(false),
    );
    expect(job.status).toBe("scheduled");
    expect(job.scheduler).toEqual({ state: "pending", code: "SCHEDULER_UNAVAILABLE" });
    await endBackoff();
    await sweep();
    await waitFor(async () => (await jobRow(job.id)).status === "published", "published after QStash came back");
    expect(await publicationsOf(accountId)).toHaveLength(1);
  });

  it("a 429 is reported as rate limiting, and moving a job while QStash is down keeps the new time without an error", async () => {
    const accountId = await newAccount();
    qstash.failNext(1, 429, { match: /^POST \/v2\/publish\// });
    const limited = await createPublishJob(db, getSchedulerDriver(), ws.admin, {
      accountId,
      snapshot,
      runAt: new Date(Date.now() + 3600_000),
    });
    expect(limited.scheduler).toEqual({ state: "pending", code: "SCHEDULER_RATE_LIMITED" });

    const later = new Date(Date.now() + 2 * 3600_000);
    qstash.setDown(true);
    try {
      const moved = await rescheduleJob(db, getSchedulerDriver(), ws.admin, { jobId: limited.id, runAt: later });
      expect(moved.scheduler).toEqual({ state: "pending", code: "SCHEDULER_UNAVAILABLE" });
    } finally {
      qstash.setDown(false);
    }
    expect(await jobRow(limited.id)).toMatchObject({ status: "scheduled", runAt: later, version: 2 });
    // The outbox sends only the current version; the first request is dropped unsent.
    await endBackoff();
    await sweep();
    const rows = await db.select().from(publishDispatches).where(eq(publishDispatches.jobId, limited.id));
    expect(rows.map((r) => [r.version, r.status]).sort()).toEqual([
      [1, "dropped"],
      [2, "sent"],
    ]);
  });
  it("reports a missing QStash schedule in /api/ready and re-creates it", async () => {
    await new Client({ token, baseUrl: qstash.url }).schedules.delete(sweepScheduleId); // lost, e.g. QStash was down at start
    const before = await readyRoute.GET();
    const body = await before.json();
    expect(before.status).toBe(200);
    expect(body).toMatchObject({ status: "degraded", down: ["schedules"] });
    expect(body.checks.find((c: { name: string }) => c.name === "schedules").detail).toMatch(/redmatrix-sweep/);
    // Readiness started re-creating it, under APP_URL without `//`.
    await waitFor(async () => qstash.schedules.has(sweepScheduleId), "the sweep schedule re-created");
    expect(qstash.schedules.get(sweepScheduleId)!.destination).toBe(`${app.url}/api/webhooks/sweep`);
  });
});
