/**
 * Publishing through the xiaohongshu-mcp stand-in (tests/support/fake-xhs-bridge.ts, written
 * from the bridge's source) end to end: the real publish webhook route, signed as QStash signs
 * it, the real media route serving the note's media-library images to the bridge over HTTP
 * without a cookie (signed URLs on APP_URL), the real database. The stand-in runs at 1/100 of
 * the bridge's pace and the account's timing constants are scaled the same way.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mediaFileRoute from "@/app/api/v1/media/[id]/file/route";
import * as publishRoute from "@/app/api/webhooks/publish/route";
import type { Db } from "@/db/client";
import { accounts, publishJobs } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { getMediaStorage } from "@/lib/media/media-storage";
import { uploadMedia } from "@/lib/media/upload-media";
import { getBatch } from "@/lib/scheduling/batch-progress";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { listJobsInRange } from "@/lib/scheduling/job-queries";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import type { NextRequest } from "next/server";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { startImageHost, tinyPng } from "../support/image-host";
import { serveRoutes } from "../support/serve-route";
import { migratedDb } from "../support/test-db";

const timeScale = 0.01;
const timing = {
  keystrokeMs: 136 * timeScale,
  imageUploadMs: 2500 * timeScale,
  tagMs: 1700 * timeScale,
  overheadMs: 25_000 * timeScale,
  timeoutMs: 1000,
};

describe("publishing through the bridge stand-in, from the webhook", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let bridge: FakeXhsBridge;
  let images: Awaited<ReturnType<typeof startImageHost>>;
  const routes: Record<string, (req: NextRequest) => Promise<Response>> = { "/api/webhooks/publish": publishRoute.POST };
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  const mediaUrls: string[] = [];

  const account = (name: string) =>
    createAccount(db, ws.admin, { name, redId: name, publisherId: "xhs-bridge", publisherConfig: { baseUrl: bridge.url, ...timing } });
  async function deliver(accountId: string, snapshot: { title: string; body: string; topics: string[]; images: string[] }) {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const url = `${app.url}/api/webhooks/publish`;
    const body = JSON.stringify({ jobId: job.id, workspaceId: ws.workspaceId, version: 1 });
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "upstash-signature": signQstashRequest({ url, body, key: signingKeys().current }) },
      body,
    });
    expect(res.status).toBe(200);
    return (await db.select().from(publishJobs).where(eq(publishJobs.id, job.id)))[0];
  }

  beforeAll(async () => {
    app = await serveRoutes(routes);
    process.env.APP_URL = app.url; // the bridge fetches images from here
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge = await startFakeXhsBridge({ timeScale });
    images = await startImageHost();
    for (let i = 0; i < 9; i++) {
      const row = await uploadMedia(db, getMediaStorage(), ws.admin, { name: `p${i}.png`, bytes: tinyPng });
      routes[`/api/v1/media/${row.id}/file`] = (req) => mediaFileRoute.GET(req, { params: Promise.resolve({ id: row.id }) });
      mediaUrls.push(row.url);
    }
  });
  afterAll(async () => {
    await bridge?.close();
    await images?.close();
    await app?.close();
  });

  it("publishes a long note with 9 media-library images: the bridge downloads each over HTTP without a cookie", async () => {
    const { id } = await account("media_long");
    expect(mediaUrls[0]).toMatch(/^\/api\/v1\/media\/[^/]+\/file$/);
    // Without a signature the route wants a session, as before.
    expect((await fetch(`${app.url}${mediaUrls[0]}`)).status).toBe(401);

    const job = await deliver(id, { title: "秋冬通勤穿搭合集", body: "穿".repeat(880), topics: ["穿搭", "通勤"], images: mediaUrls });
    expect(job).toMatchObject({ status: "published", lastErrorCode: null });
    expect(bridge.published.at(-1)).toMatchObject({ images: 9, tags: ["穿搭", "通勤"] });
    const downloads = bridge.downloads.slice(-9);
    expect(downloads.map((d) => [d.ok, d.status, d.cookie])).toEqual(Array(9).fill([true, 200, null]));
    expect(downloads.every((d) => d.url.startsWith(`${app.url}/api/v1/media/`) && /[?&]sig=/.test(d.url))).toBe(true);

    // A signed URL is only good for its own id, unaltered.
    const [signed, other] = downloads.map((d) => new URL(d.url));
    expect((await fetch(`${app.url}${other.pathname}${signed.search}`)).status).toBe(401);
    expect((await fetch(signed.toString().replace(/sig=./, "sig=A"))).status).toBe(401);
    expect((await fetch(signed)).status).toBe(200);
  });

  it("tells the batch progress view how long each publish should take, from the note and the account's constants", async () => {
    const { id } = await account("batch_expected");
    const snapshot = { title: "周末去哪儿", body: "字".repeat(500), topics: ["周末"], images: mediaUrls.slice(0, 3) };
    await createPublishJob(db, embeddedDriver, ws.admin, {
      accountId: id,
      snapshot,
      runAt: new Date(Date.now() + 86400_000),
      batchId: "batch_expected",
    });
    const [job] = (await getBatch(db, ws.admin, "batch_expected")).jobs;
    // overhead + (5 + 500 + 3 typed characters) x keystroke + 3 images + 1 topic, at the scaled pace
    expect(job.expectedMs).toBe(Math.round(timing.overheadMs + 508 * timing.keystrokeMs + 3 * timing.imageUploadMs + timing.tagMs));
  });

  it("refuses a title the bridge would refuse (19 CJK + an emoji) before sending", async () => {
    const { id } = await account("emoji_title");
    const before = bridge.received.length;
    const job = await deliver(id, { title: `${"秋".repeat(19)}😍`, body: "正文", topics: [], images: mediaUrls.slice(0, 1) });
    expect(job).toMatchObject({ status: "failed", lastErrorCode: "BRIDGE_TITLE_TOO_WIDE" });
    expect(bridge.received.length).toBe(before);
  });

  it("shows the bridge's own reason where the job is seen, classified", async () => {
    const { id } = await account("bad_image");
    const job = await deliver(id, { title: "探店", body: "好喝", topics: [], images: [images.url("missing.jpg")] });
    expect(job).toMatchObject({ status: "failed", lastErrorCode: "BRIDGE_IMAGE_DOWNLOAD_FAILED" });
    const [seen] = (
      await listJobsInRange(
        db,
        { workspaceId: ws.workspaceId, accountIds: null },
        { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) },
      )
    ).filter((j) => j.id === job.id);
    expect(seen.lastErrorMessage).toMatch(/^下载图片失败 http:\/\/127\.0\.0\.1:\d+\/missing\.jpg: download failed with status 404/);
  });

  it("moves the account to needs_login at once when the bridge is logged out", async () => {
    const { id } = await account("logged_out");
    bridge.setMode("logged_out");
    try {
      const job = await deliver(id, { title: "早八妆容", body: "十分钟", topics: [], images: mediaUrls.slice(0, 1) });
      expect(job).toMatchObject({
        status: "failed",
        lastErrorCode: "BRIDGE_LOGGED_OUT",
        lastErrorMessage: expect.stringMatching(/没有找到发布 TAB/),
      });
    } finally {
      bridge.setMode("ok");
    }
    expect((await db.select().from(accounts).where(eq(accounts.id, id)))[0]).toMatchObject({ status: "needs_login" });
  });
});
