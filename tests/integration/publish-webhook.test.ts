/**
 * The real publish webhook route, called as QStash and the embedded dispatcher call it: real
 * signatures, the account's real (sandbox) publisher, the real database. Exactly once, and
 * nothing changes on a bad signature or payload.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deadLetterRoute from "@/app/api/webhooks/publish-failed/route";
import * as publishRoute from "@/app/api/webhooks/publish/route";
import * as sweepRoute from "@/app/api/webhooks/sweep/route";
import type { Db } from "@/db/client";
import { publishJobs, sandboxPublications } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { createQstashDriver } from "@/lib/scheduling/drivers/qstash-driver";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { setUpWorkspace } from "../support/fixtures";
import { startQstashServer } from "../support/qstash-server";
import { serveRoutes } from "../support/serve-route";
import { migratedDb } from "../support/test-db";

const snapshot = { title: "周末咖啡探店", body: "藏在弄堂里的手冲小店", topics: ["咖啡"], images: ["https://example.com/1.jpg"] };

describe("publish webhook route", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let accountId = "";
  const jobRow = async (id: string) => (await db.select().from(publishJobs).where(eq(publishJobs.id, id)))[0];
  const publications = async (jobId: string) =>
    (await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, accountId))).filter((p) =>
      JSON.stringify(p.payload).includes(jobId),
    );

  function signedPost(path: string, payload: unknown, options: { key?: string; signedUrl?: string; rawBody?: string; now?: Date } = {}) {
    const body = options.rawBody ?? JSON.stringify(payload);
    const url = `${app.url}${path}`;
    const signature = signQstashRequest({
      url: options.signedUrl ?? url,
      body,
      key: options.key ?? signingKeys().current,
      now: options.now,
    });
    return fetch(url, { method: "POST", headers: { "content-type": "application/json", "upstash-signature": signature }, body });
  }

  beforeAll(async () => {
    app = await serveRoutes({
      "/api/webhooks/publish": publishRoute.POST,
      "/api/webhooks/sweep": sweepRoute.POST,
      "/api/webhooks/publish-failed": deadLetterRoute.POST,
    });
    process.env.APP_URL = app.url; // before the environment is first read: signatures cover this URL
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    accountId = (await createAccount(db, ws.admin, { name: "咖啡探店地图", redId: "coffee_map" })).id;
  });
  afterAll(async () => app?.close());

  it("publishes through the account's publisher exactly once, however often it is delivered", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const payload = { jobId: job.id, workspaceId: ws.workspaceId, version: 1 };
    const answers = await Promise.all(Array.from({ length: 10 }, () => signedPost("/api/webhooks/publish", payload)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const results = await Promise.all(answers.map((a) => a.json()));
    expect(results.filter((r) => r.result === "published")).toHaveLength(1);
    expect(results.filter((r) => r.result === "skipped")).toHaveLength(9);
    expect(await publications(job.id)).toHaveLength(1);
    expect((await jobRow(job.id)).status).toBe("published");
  });

  it("answers 401 to a missing, forged, tampered, expired or re-addressed signature, and changes nothing", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const payload = { jobId: job.id, workspaceId: ws.workspaceId, version: 1 };
    const unsigned = await fetch(`${app.url}/api/webhooks/publish`, { method: "POST", body: JSON.stringify(payload) });
    const forged = await signedPost("/api/webhooks/publish", payload, { key: "attacker" });
    const expired = await signedPost("/api/webhooks/publish", payload, { now: new Date(Date.now() - 3600_000) });
    const elsewhere = await signedPost("/api/webhooks/publish", payload, { signedUrl: `${app.url}/api/webhooks/sweep` });
    const tampered = await fetch(`${app.url}/api/webhooks/publish`, {
      method: "POST",
      headers: {
        "upstash-signature": signQstashRequest({
          url: `${app.url}/api/webhooks/publish`,
          body: JSON.stringify(payload),
          key: signingKeys().current,
        }),
      },
      body: JSON.stringify({ ...payload, version: 2 }),
    });
    for (const res of [unsigned, forged, expired, elsewhere, tampered]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_SIGNATURE");
    }
    expect((await jobRow(job.id)).status).toBe("scheduled");
    expect(await publications(job.id)).toHaveLength(0);
  });

  it("answers 400 to a body that is not JSON and 404 to another workspace's job", async () => {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const notJson = await signedPost("/api/webhooks/publish", null, { rawBody: "jobId=1" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe("INVALID_JSON");
    const wrongShape = await signedPost("/api/webhooks/publish", { jobId: job.id });
    expect(wrongShape.status).toBe(400);
    const otherWorkspace = await signedPost("/api/webhooks/publish", { jobId: job.id, workspaceId: "ws_someone_else", version: 1 });
    expect(otherWorkspace.status).toBe(404);
    expect((await jobRow(job.id)).status).toBe("scheduled");
  });

  it("goes end to end through @upstash/qstash's Client and the QStash stand-in", async () => {
    const qstash = await startQstashServer({ token: "qstash-token", signingKey: signingKeys().current });
    try {
      const driver = createQstashDriver({ token: "qstash-token", baseUrl: qstash.url, appUrl: app.url });
      const job = await createPublishJob(db, driver, ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 1000) });
      const delivered = () => qstash.deliveries.some((d) => d.messageId === job.schedulerMessageId);
      for (let i = 0; i < 100 && !delivered(); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await jobRow(job.id)).status).toBe("published");
      expect(qstash.deliveries.filter((d) => d.messageId === job.schedulerMessageId).map((d) => d.status)).toEqual([200]);
    } finally {
      await qstash.close();
    }
  });

  it("sweeps through its signed route, and records QStash dead letters as failures", async () => {
    const sweep = await signedPost("/api/webhooks/sweep", {});
    expect(sweep.status).toBe(200);
    expect(await sweep.json()).toMatchObject({ unconfirmed: 0 });

    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date(Date.now() + 60_000) });
    const sourceBody = Buffer.from(JSON.stringify({ jobId: job.id, workspaceId: ws.workspaceId, version: 1 })).toString("base64");
    const dead = await signedPost("/api/webhooks/publish-failed", { status: 502, sourceMessageId: "msg_1", sourceBody });
    expect(await dead.json()).toEqual({ recorded: true });
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ status: "failed", lastErrorCode: "DEAD_LETTER" });
    const forgedDead = await signedPost("/api/webhooks/publish-failed", { sourceBody }, { key: "attacker" });
    expect(forgedDead.status).toBe(401);
    expect(
      await db
        .select()
        .from(publishJobs)
        .where(and(eq(publishJobs.id, job.id), eq(publishJobs.status, "failed"))),
    ).toHaveLength(1);
  });
});
