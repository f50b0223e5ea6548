/**
 * Contract tests of the xhs-bridge publisher against the fake xiaohongshu-mcp bridge: health
 * and login status, image and video notes, each failure mode mapped to the honest outcome,
 * and the per-account circuit breaker opening and recovering (on the memory cache and on
 * Upstash through the REST bridge to a real Redis, shared by two "instances").
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
import { redisAvailable, requireOrSkip } from "../support/redis-available";
import { startUpstashRestServer, type UpstashRestServer } from "../support/upstash-rest-server";

const note: PublishNote = { kind: "image", title: "秋冬通勤穿搭", content: "三套一周不重样", images: ["https://cdn.example.com/1.jpg"], tags: ["穿搭", "通勤"] };
const noSleep = async () => {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("xhs-bridge publisher against the fake bridge", () => {
  let bridge: FakeXhsBridge;
  let runtime: PublisherRuntime;
  let config: ReturnType<typeof xhsBridgePublisher.configSchema.parse>;
  beforeAll(async () => {
    bridge = await startFakeXhsBridge({ token: "bridge-secret" });
    runtime = { workspaceId: "ws", accountId: `acc_${randomBytes(4).toString("hex")}`, db: undefined as never, cache: createInProcessCache(), breaker: { failureThreshold: 50, openMs: 60_000 }, sleep: noSleep };
    config = xhsBridgePublisher.configSchema.parse({ baseUrl: bridge.url, token: "bridge-secret", timeoutMs: 1000 });
  });
  afterAll(() => bridge.close());

  it("reports login status from /api/v1/login/status", async () => {
    expect(await xhsBridgePublisher.checkHealth(config, runtime)).toMatchObject({ ok: true, code: "logged_in", loggedIn: true, message: "Logged in as 小红薯测试号" });
    bridge.setMode("logged_out");
    expect(await xhsBridgePublisher.checkHealth(config, runtime)).toMatchObject({ ok: false, code: "logged_out", loggedIn: false });
    bridge.setMode("ok");
    expect(await xhsBridgePublisher.checkHealth({ ...config, token: "wrong" }, runtime)).toMatchObject({ ok: false, code: "token_refused", message: expect.stringMatching(/token/) });
  });

  it("publishes an image note with the documented body and the Bearer token", async () => {
    bridge.received.length = 0;
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toEqual({ status: "published", remoteId: null, url: null });
    expect(bridge.received).toHaveLength(1);
    expect(bridge.received[0]).toMatchObject({ method: "POST", path: "/api/v1/publish", authorization: "Bearer bridge-secret" });
    expect(bridge.received[0].body).toEqual({ title: note.title, content: note.content, images: note.images, tags: note.tags, visibility: "公开可见" });
  });

  it("publishes a video note to /api/v1/publish_video", async () => {
    bridge.received.length = 0;
    const outcome = await xhsBridgePublisher.publish({ kind: "video", title: "vlog", content: "周末", video: "/data/v.mp4" }, config, runtime);
    expect(outcome.status).toBe("published");
    expect(bridge.received[0]).toMatchObject({ path: "/api/v1/publish_video", body: { video: "/data/v.mp4" } });
  });

  it("maps PUBLISH_FAILED and INVALID_REQUEST to rejected, a bare 500 to unknown", async () => {
    bridge.setMode("publish_failed");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toEqual({ status: "rejected", reason: "PUBLISH_FAILED: 发布失败" });
    bridge.setMode("ok");
    expect(await xhsBridgePublisher.publish({ ...note, images: [] }, config, runtime)).toMatchObject({ status: "rejected", reason: expect.stringMatching(/INVALID_REQUEST/) });
    bridge.setMode("http_500");
    expect(await xhsBridgePublisher.publish(note, config, runtime)).toMatchObject({ status: "unknown", reason: expect.stringMatching(/may have been published/) });
  });

  it("treats a timeout after sending as unknown and never retries the publish", async () => {
    bridge.setMode("hang");
    bridge.received.length = 0;
    const outcome = await xhsBridgePublisher.publish(note, config, runtime);
    expect(outcome).toMatchObject({ status: "unknown", reason: expect.stringMatching(/timed out/) });
    expect(bridge.received).toHaveLength(1);
    bridge.setMode("ok");
  });

  it("answers retryable when the bridge is not running (nothing was sent)", async () => {
    const gone = await startFakeXhsBridge();
    await gone.close();
    const down = xhsBridgePublisher.configSchema.parse({ baseUrl: gone.url, timeoutMs: 1000 });
    expect(await xhsBridgePublisher.publish(note, down, runtime)).toMatchObject({ status: "retryable", reason: expect.stringMatching(/ECONNREFUSED/) });
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
    bridge = await startFakeXhsBridge();
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

  it.skipIf(upstash && !redisUp)("opens after consecutive failures, fails fast without calling, then half-opens and closes on success", async () => {
    const config = xhsBridgePublisher.configSchema.parse({ baseUrl: bridge.url, timeoutMs: 1000 });
    const rt = (i: 0 | 1): PublisherRuntime => ({ workspaceId: "ws", accountId, db: undefined as never, cache: caches[i], breaker: settings, sleep: noSleep });
    bridge.setMode("http_500");
    for (let i = 0; i < 3; i++) expect((await xhsBridgePublisher.publish(note, config, rt((i % 2) as 0 | 1))).status).toBe("unknown");
    expect((await createCircuitBreaker(caches[1], `account:${accountId}`, settings).snapshot()).state).toBe("open");

    bridge.setMode("ok");
    bridge.received.length = 0;
    const fast = await xhsBridgePublisher.publish(note, config, rt(1));
    expect(fast).toMatchObject({ status: "retryable", reason: expect.stringMatching(/circuit open/) });
    expect(await xhsBridgePublisher.checkHealth(config, rt(0))).toMatchObject({ ok: false, code: "circuit_open", message: expect.stringMatching(/circuit open/) });
    expect(bridge.received).toHaveLength(0);

    await sleep(settings.openMs + 50);
    expect((await createCircuitBreaker(caches[0], `account:${accountId}`, settings).snapshot()).state).toBe("half_open");
    expect((await xhsBridgePublisher.publish(note, config, rt(0))).status).toBe("published");
    expect((await createCircuitBreaker(caches[1], `account:${accountId}`, settings).snapshot())).toMatchObject({ state: "closed", failures: 0 });
  });

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
