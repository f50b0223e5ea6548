/**
 * Channel notifications are sent after the publish webhook answers, never inside it, and are
 * not lost: a robot that hangs does not hold the webhook; rows a crash left unsent go out with
 * the sweep; a failure is retried with backoff; two deliverers never send the same row twice.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publishRoute from "@/app/api/webhooks/publish/route";
import * as sweepRoute from "@/app/api/webhooks/sweep/route";
import type { Db } from "@/db/client";
import { accounts, notificationOutbox, publishJobs } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createChannel, createChannelSchema } from "@/lib/notifications/channels/channel-store";
import { deliverOutbox, outboxPolicy, outboxRows } from "@/lib/notifications/channels/notification-outbox";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { startFakeRobotServer } from "../support/fake-robot-server";
import { setUpWorkspace } from "../support/fixtures";
import { serveRoutes } from "../support/serve-route";
import { migratedDb } from "../support/test-db";

const snapshot = { title: "早秋穿搭", body: "三件基础款", topics: ["穿搭"], images: ["https://example.com/1.jpg"] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, tries = 100): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await probe();
    if (ok(value) || i >= tries) return value;
    await sleep(50);
  }
}

describe("notification outbox", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  let robot: Awaited<ReturnType<typeof startFakeRobotServer>>;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let accountId = "";

  const rowsOfJob = async (jobId: string) => (await db.select().from(notificationOutbox)).filter((r) => r.event.payload.jobId === jobId);
  function signedPost(path: string, payload: unknown) {
    const body = JSON.stringify(payload);
    const url = `${app.url}${path}`;
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": signQstashRequest({ url, body, key: signingKeys().current }) },
      body,
    });
  }
  /** A due job whose account was paused after scheduling: the webhook records it as failed. */
  async function failingJob() {
    await db.update(accounts).set({ status: "active" }).where(eq(accounts.id, accountId));
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    await db.update(accounts).set({ status: "paused" }).where(eq(accounts.id, accountId));
    return job;
  }

  beforeAll(async () => {
    app = await serveRoutes({ "/api/webhooks/publish": publishRoute.POST, "/api/webhooks/sweep": sweepRoute.POST });
    process.env.APP_URL = app.url;
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    accountId = (await createAccount(db, ws.admin, { name: "穿搭日记", redId: "outfit_diary" })).id;
    robot = await startFakeRobotServer({ wecomKey: "wecom-key" });
    await createChannel(
      db,
      ws.admin,
      createChannelSchema.parse({
        kind: "wecom",
        name: "运营群",
        config: { baseUrl: `${robot.url}/cgi-bin/webhook/send`, key: "wecom-key" },
      }),
    );
  });
  afterAll(async () => {
    await robot?.close();
    await app?.close();
  });

  it("answers the webhook while the robot still hangs, then delivers once it answers", async () => {
    robot.hang(true);
    const job = await failingJob();
    const before = robot.received.length;
    const res = await signedPost("/api/webhooks/publish", { jobId: job.id, workspaceId: ws.workspaceId, version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "failed" });
    // The answer came back while the channel request was still held open by the robot.
    expect(
      await until(
        async () => robot.hanging(),
        (n) => n >= 1,
      ),
    ).toBe(1);
    const [row] = await rowsOfJob(job.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    // A second deliverer (dispatcher tick, sweep) finds it leased and sends nothing.
    expect(await deliverOutbox(db)).toBe(0);
    robot.hang(false);
    const sent = await until(
      async () => (await outboxRows(db, [row.id]))[0],
      (r) => r.status === "sent",
    );
    expect(sent.status).toBe("sent");
    expect(robot.received.length - before).toBe(1);
    expect(JSON.stringify(robot.received.at(-1)!.body)).toContain("早秋穿搭");
  });

  it("keeps rows a crash left unsent, and the sweep sends them", async () => {
    const job = await failingJob();
    // The outcome committed, then the process died before its follow-up delivery ran.
    const result = await runPublishJob(db, { jobId: job.id, workspaceId: ws.workspaceId, version: 1 }, async () => ({
      kind: "unknown",
      code: "TIMEOUT_AFTER_SEND",
      reason: "超时",
    }));
    expect(result.result).toBe("unconfirmed");
    expect((await db.select().from(publishJobs).where(eq(publishJobs.id, job.id)))[0].status).toBe("unconfirmed");
    const [row] = await rowsOfJob(job.id);
    expect(row.status).toBe("pending");
    const before = robot.received.length;
    const sweep = await signedPost("/api/webhooks/sweep", {});
    expect(await sweep.json()).toMatchObject({ notificationsSent: 1 });
    expect((await outboxRows(db, [row.id]))[0].status).toBe("sent");
    expect(robot.received.length - before).toBe(1);
  });

  it("retries a failed send with backoff and gives up after the last attempt", async () => {
    const job = await failingJob();
    const result = await runPublishJob(db, { jobId: job.id, workspaceId: ws.workspaceId, version: 1 }, async () => ({
      kind: "rejected",
      code: "X",
      reason: "违规",
    }));
    const ids = result.result === "failed" ? result.notifications : [];
    expect(ids).toHaveLength(1);
    robot.failWith({ errcode: 45009, errmsg: "api freq out of limit" });
    try {
      const t0 = new Date();
      expect(await deliverOutbox(db, { ids, now: t0 })).toBe(0);
      let [row] = await outboxRows(db, ids);
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "errcode 45009: sending too fast (rate limited)" });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
      // Not due yet: nothing is tried.
      expect(await deliverOutbox(db, { now: new Date(t0.getTime() + 1_000) })).toBe(0);
      expect((await outboxRows(db, ids))[0].attempts).toBe(1);
      for (let attempt = 2; attempt <= outboxPolicy.maxAttempts; attempt++)
        await deliverOutbox(db, { ids, now: new Date(Date.now() + attempt * 3_600_000) });
      [row] = await outboxRows(db, ids);
      expect(row).toMatchObject({ status: "failed", attempts: outboxPolicy.maxAttempts });
    } finally {
      robot.failWith(null);
    }
  });
});
