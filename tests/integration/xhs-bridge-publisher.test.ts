/**
 * Contract tests of the xhs-bridge publisher against the stand-in written from the bridge's
 * source (tests/support/fake-xhs-bridge.ts): health and login status (slow vs down, never two
 * checks at once), image and video notes, the bridge's refusals kept and classified, the
 * preflight that refuses what the bridge would, a timeout computed from the note, and the
 * per-account circuit breaker opening and recovering (on the memory cache and on Upstash
 * through the REST bridge to a real Redis, shared by two "instances").
 * The stand-in runs at 1/100 of the real pace (timeScale 0.01) and the publisher's timing
 * constants are scaled the same way, so the proportions are the real ones.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cache } from "@/lib/cache/cache";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { createUpstashCache } from "@/lib/cache/upstash-cache";
import { createCircuitBreaker } from "@/lib/http/circuit-breaker";
import { xhsBridgePublisher } from "@/lib/publishing/publishers/xhs-bridge";
import type { PublisherRuntime, PublishNote } from "@/lib/publishing/publishers/types";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { startImageHost } from "../support/image-host";
import { redisAvailable, requireOrSkip } from "../support/redis-available";
import { startUpstashRestServer, type UpstashRestServer } from "../support/upstash-rest-server";

const images = await startImageHost();
afterAll(() => images.close());
const note: PublishNote = {
  kind: "image",
  title: "秋冬通勤穿搭",
  content: "三套一周不重样",
  images: [images.url("1.png")],
  tags: ["穿搭", "通勤"],
};
/** The bridge's real pace, scaled like the stand-in's timeScale. */
const scaled = (scale: number) => ({
  keystrokeMs: 136 * scale,
  imageUploadMs: 2500 * scale,
  tagMs: 1700 * scale,
  overheadMs: 25_000 * scale,
});
const timeScale = 0.01;
const noSleep = async () => {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("xhs-bridge publisher against the fake bridge", () => {
  let bridge: FakeXhsBridge;
  let runtime: PublisherRuntime;
  let config: ReturnType<typeof xhsBridgePublisher.configSchema.parse>;
  beforeAll(async () => {
    bridge = await startFakeXhsBridge({ token: "bridge-secret", timeScale });
    runtime = {
      workspaceId: "ws",
      accountId: `acc_${randomBytes(4).toString("hex")}`,
      db: undefined as never,
      cache: createInProcessCache(),
      breaker: { failureThreshold: 50, openMs: 60_000 },
      sleep: noSleep,
    };
    config = xhsBridgePublisher.configSchema.parse({
      baseUrl: bridge.url,
      token: "bridge-secret",
      timeoutMs: 1000,
      statusTimeoutMs: 1000,
      ...scaled(timeScale),
    });
  });
  afterAll(() => bridge.close());

  it("reports login status from /api/v1/login/status", async () => {
    expect(await xhsBridgePublisher.checkHealth(config, runtime)).toMatchObject({
      ok: true,
      code: "logged_in",
      loggedIn: true,
      message: "Logged in as 小红薯测试号",
    });
    bridge.setMode("logged_out");
    expect(await xhsBridgePublisher.checkHealth(config, runtime)).toMatchObject({ ok: false, code: "logged_out", loggedIn: false });
    bridge.setMode("ok");
    expect(await xhsBridgePublisher.checkHealth({ ...config, token: "wrong" }, runtime)).toMatchObject({
      ok: false,
      code: "token_refused",
      message: expect.stringMatching(/token/),
    });
  });

  it("publishes an image note with the documented body and the Bearer token", async () => {
    bridge.received.length = 0;
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toEqual({ status: "published", remoteId: null, url: null });
    expect(bridge.received).toHaveLength(1);
    expect(bridge.received[0]).toMatchObject({ method: "POST", path: "/api/v1/publish", authorization: "Bearer bridge-secret" });
    expect(bridge.received[0].body).toEqual({
      title: note.title,
      content: note.content,
      images: note.images,
      tags: note.tags,
      visibility: "公开可见",
    });
    expect(bridge.downloads.at(-1)).toMatchObject({ url: note.images![0], ok: true });
    expect(bridge.published.at(-1)).toMatchObject({ images: 1, tags: ["穿搭", "通勤"] });
  });

  it("publishes a video note to /api/v1/publish_video", async () => {
    bridge.received.length = 0;
    const outcome = await xhsBridgePublisher.publish(
      { kind: "video", title: "vlog", content: "周末", video: import.meta.filename },
      config,
      runtime,
    );
    expect(outcome.status).toBe("published");
    expect(bridge.received[0]).toMatchObject({ path: "/api/v1/publish_video", body: { video: import.meta.filename } });
  });

  it("keeps the bridge's reason from `details` and classifies it; a bare 500 is unknown", async () => {
    bridge.setMode("publish_failed");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toEqual({
      status: "retryable",
      code: "BRIDGE_EDITOR_FAILED",
      reason: expect.stringMatching(/^小红书发布失败: 等待发布按钮可点击超时.*\(PUBLISH_FAILED\)$/),
    });
    bridge.setMode("ok");
    const missing = await xhsBridgePublisher.publish({ ...note, images: [images.url("gone.jpg")] }, config, runtime);
    expect(missing).toMatchObject({
      status: "rejected",
      code: "BRIDGE_IMAGE_DOWNLOAD_FAILED",
      reason: expect.stringMatching(/^下载图片失败 http:.*status 404/),
    });
    const past = await xhsBridgePublisher.publish({ ...note, scheduleAt: new Date(Date.now() + 60_000).toISOString() }, config, runtime);
    expect(past).toMatchObject({
      status: "rejected",
      code: "BRIDGE_SCHEDULE_WINDOW",
      reason: expect.stringMatching(/^定时发布时间必须至少在1小时后/),
    });
    bridge.setMode("logged_out");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toMatchObject({ status: "rejected", code: "BRIDGE_LOGGED_OUT" });
    bridge.setMode("unconfirmed");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toMatchObject({
      status: "unknown",
      code: "BRIDGE_NOT_CONFIRMED",
      reason: expect.stringMatching(/发布未确认成功/),
    });
    bridge.setMode("http_500");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/may have been published/),
    });
    bridge.setMode("ok");
  });

  it("refuses before sending what the bridge would refuse or alter: emoji-wide title, 11 topics, no fetchable image", async () => {
    bridge.received.length = 0;
    const wide = await xhsBridgePublisher.publish({ ...note, title: `${"秋".repeat(19)}😍` }, config, runtime);
    expect(wide).toMatchObject({ status: "rejected", code: "BRIDGE_TITLE_TOO_WIDE" });
    const topics = await xhsBridgePublisher.publish({ ...note, tags: Array.from({ length: 11 }, (_, i) => `#话题${i}`) }, config, runtime);
    expect(topics).toMatchObject({ status: "rejected", code: "BRIDGE_TOO_MANY_TAGS" });
    expect(await xhsBridgePublisher.publish({ ...note, images: [] }, config, runtime)).toMatchObject({
      status: "rejected",
      code: "BRIDGE_NO_IMAGE",
    });
    expect(await xhsBridgePublisher.publish({ ...note, images: ["/api/v1/media/med_1/file"] }, config, runtime)).toMatchObject({
      status: "rejected",
      code: "BRIDGE_NO_IMAGE",
    });
    expect(bridge.received).toHaveLength(0);
    // The same title one CJK character shorter goes through, with its topics' `#` trimmed as the bridge does.
    expect(await xhsBridgePublisher.publish({ ...note, title: `${"秋".repeat(18)}😍`, tags: ["#穿搭"] }, config, runtime)).toMatchObject({
      status: "published",
    });
    expect(bridge.received.at(-1)?.body).toMatchObject({ tags: ["穿搭"] });
  });

  it("treats a timeout after sending as unknown, never retries, and the bridge stops typing", async () => {
    // The stand-in at 1/20 of the real pace needs ~2.5 s for this note; constants that claim a
    // far faster bridge leave only the 1 s floor, so the answer comes too late.
    const slow = await startFakeXhsBridge({ timeScale: 0.05 });
    const tight = xhsBridgePublisher.configSchema.parse({ baseUrl: slow.url, timeoutMs: 1000, ...scaled(0.001) });
    const outcome = await xhsBridgePublisher.publish({ ...note, content: "长".repeat(300) }, tight, runtime);
    expect(outcome).toMatchObject({ status: "unknown", code: "BRIDGE_TIMEOUT", reason: expect.stringMatching(/timed out/) });
    expect(slow.received).toHaveLength(1);
    await expect.poll(() => slow.typed.cancelled).toBe(true);
    expect(slow.typed.count).toBeLessThan(300);
    expect(slow.published).toHaveLength(0);
    await slow.close();
  });

  it("waits as long as the note needs: 880 characters and 9 images publish within the computed timeout", async () => {
    const long = {
      ...note,
      content: "字".repeat(880),
      images: Array.from({ length: 9 }, (_, i) => images.url(`${i}.png`)),
      tags: ["穿搭", "通勤", "秋冬"],
    };
    const timing = xhsBridgePublisher.timing!(long, config);
    // At the real pace this is ~3 minutes, well past the old fixed 90 s.
    expect(xhsBridgePublisher.timing!(long, xhsBridgePublisher.configSchema.parse({ baseUrl: bridge.url })).expectedMs).toBeGreaterThan(
      150_000,
    );
    expect(timing.timeoutMs).toBeGreaterThan(timing.expectedMs);
    expect(await xhsBridgePublisher.publish(long, config, runtime)).toMatchObject({ status: "published" });
    expect(bridge.published.at(-1)).toMatchObject({ images: 9 });
    expect(bridge.typed).toMatchObject({ count: Array.from(long.title).length + 880 + 3 + 2 + 2 + 2, cancelled: false });
  });

  it("tells a slow login check from a bridge that is down, and never runs two checks of one account at once", async () => {
    const slowCheck = await startFakeXhsBridge({ timeScale: 1, statusCheckMs: 5000 });
    const slowConfig = xhsBridgePublisher.configSchema.parse({ baseUrl: slowCheck.url, statusTimeoutMs: 1000 });
    const both = await Promise.all([
      xhsBridgePublisher.checkHealth(slowConfig, runtime),
      xhsBridgePublisher.checkHealth(slowConfig, runtime),
    ]);
    expect(both.map((h) => h.code)).toEqual(["slow", "slow"]);
    expect(slowCheck.received.filter((r) => r.path === "/api/v1/login/status")).toHaveLength(1);
    expect(slowCheck.maxConcurrentStatusChecks).toBe(1);
    await slowCheck.close();
    expect(await xhsBridgePublisher.checkHealth(slowConfig, runtime)).toMatchObject({ code: "unreachable" });
  });

  it("answers retryable when the bridge is not running (nothing was sent)", async () => {
    const gone = await startFakeXhsBridge();
    await gone.close();
    const down = xhsBridgePublisher.configSchema.parse({ baseUrl: gone.url, timeoutMs: 1000 });
    expect(await xhsBridgePublisher.publish(note, down, runtime)).toMatchObject({
      status: "retryable",
      code: "BRIDGE_UNREACHABLE",
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});

const redisUp = requireOrSkip(await redisAvailable(), "the circuit breaker on Upstash");

describe.each([
  { label: "memory cache", upstash: false },
  { label: "Upstash (two instances share the breaker)", upstash: true },
])("circuit breaker per account on $label", ({ upstash }) => {
  let bridge: FakeXhsBridge;
  let rest: UpstashRestServer | undefined;
  let caches: [Cache, Cache];
  const accountId = `acc_breaker_${randomBytes(4).toString("hex")}`;
  const settings = { failureThreshold: 3, openMs: 400 };

  beforeAll(async () => {
    bridge = await startFakeXhsBridge({ timeScale });
    if (upstash) {
      rest = await startUpstashRestServer();
      caches = [createUpstashCache(rest.url, rest.token), createUpstashCache(rest.url, rest.token)];
    } else {
      const one = createInProcessCache();
      caches = [one, one];
    }
  });
  afterAll(async () => {
    await caches?.[0].del(`breaker:account:${accountId}`);
    await bridge.close();
    await rest?.close();
  });

  it.skipIf(upstash && !redisUp)(
    "opens after consecutive failures, fails fast without calling, then half-opens and closes on success",
    async () => {
      const config = xhsBridgePublisher.configSchema.parse({ baseUrl: bridge.url, timeoutMs: 1000, ...scaled(timeScale) });
      const rt = (i: 0 | 1): PublisherRuntime => ({
        workspaceId: "ws",
        accountId,
        db: undefined as never,
        cache: caches[i],
        breaker: settings,
        sleep: noSleep,
      });
      bridge.setMode("http_500");
      for (let i = 0; i < 3; i++) expect((await xhsBridgePublisher.publish(note, config, rt((i % 2) as 0 | 1))).status).toBe("unknown");
      expect((await createCircuitBreaker(caches[1], `account:${accountId}`, settings).snapshot()).state).toBe("open");

      bridge.setMode("ok");
      bridge.received.length = 0;
      const fast = await xhsBridgePublisher.publish(note, config, rt(1));
      expect(fast).toMatchObject({ status: "retryable", reason: expect.stringMatching(/circuit open/) });
      expect(await xhsBridgePublisher.checkHealth(config, rt(0))).toMatchObject({
        ok: false,
        code: "circuit_open",
        message: expect.stringMatching(/circuit open/),
      });
      expect(bridge.received).toHaveLength(0);

      await sleep(settings.openMs + 50);
      expect((await createCircuitBreaker(caches[0], `account:${accountId}`, settings).snapshot()).state).toBe("half_open");
      expect((await xhsBridgePublisher.publish(note, config, rt(0))).status).toBe("published");
      expect(await createCircuitBreaker(caches[1], `account:${accountId}`, settings).snapshot()).toMatchObject({
        state: "closed",
        failures: 0,
      });
    },
  );

  it.skipIf(upstash && !redisUp)("re-opens when the half-open trial fails", async () => {
    const breaker = createCircuitBreaker(caches[0], `account:${accountId}:trial`, settings);
    for (let i = 0; i < 3; i++) await breaker.onFailure("HTTP 500");
    await sleep(settings.openMs + 50);
    await breaker.beforeCall();
    await expect(createCircuitBreaker(caches[1], `account:${accountId}:trial`, settings).beforeCall()).rejects.toThrow(/circuit open/);
    await breaker.onFailure("HTTP 500");
    expect((await breaker.snapshot()).state).toBe("open");
    await breaker.reset();
  });
});
