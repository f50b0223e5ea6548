import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as readyRoute from "@/app/api/ready/route";
import * as meRoute from "@/app/api/v1/me/route";
import { createDb } from "@/db/client";
import { getDb } from "@/lib/database";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { getEnv } from "@/lib/env";
import { getMediaStorage } from "@/lib/media/media-storage";
import { createS3Storage } from "@/lib/media/s3-media-storage";
import { checkReadiness } from "@/lib/observability/readiness";
import { startEmbeddedDispatcher } from "@/lib/scheduling/embedded-dispatcher";
import { checkDispatcherHeartbeat, createQstashProbe } from "@/lib/scheduling/scheduler-health";
import { installPeerAddressStamp } from "@/lib/next/peer-address";
import { callRoute } from "../support/call-route";
import { serveRoutes } from "../support/serve-route";
import { startQstashServer } from "../support/qstash-server";
import { startS3Server } from "../support/s3-server";
import { migratedDb } from "../support/test-db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("health, readiness and metrics", () => {
  // The embedded scheduler of this process, as instrumentation.ts starts it in the server.
  let dispatcher: ReturnType<typeof startEmbeddedDispatcher>;
  beforeAll(async () => {
    dispatcher = startEmbeddedDispatcher({
      db: await migratedDb(),
      appUrl: "http://127.0.0.1:9",
      signingKey: "readiness-test-key",
      tickMs: 50,
    });
  });
  afterAll(() => dispatcher.stop());

  it("answers liveness without touching anything", async () => {
    const res = await healthRoute.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("is ready when the database and cache answer", async () => {
    await migratedDb();
    const res = await readyRoute.GET();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual(["database", "cache", "scheduler", "media"]);
  });

  it("names the cache as down but stays ready (degraded) when it stops answering: pages load from the database", async () => {
    const broken = { ...createInProcessCache(), ping: async () => Promise.reject(new Error("connection refused")) };
    const result = await checkReadiness(getDb(), broken, getEnv(), getMediaStorage());
    expect(result).toMatchObject({ ready: true, degraded: true });
    expect(result.checks.find((c) => c.name === "cache")).toMatchObject({ ok: false, detail: "connection refused" });
    expect(result.checks.find((c) => c.name === "database")?.ok).toBe(true);
  });

  it("names the media storage as down when its bucket is missing (real S3-protocol server)", async () => {
    const s3 = await startS3Server();
    try {
      const ok = await checkReadiness(getDb(), createInProcessCache(), getEnv(), createS3Storage(s3.config));
      expect(ok.checks.find((c) => c.name === "media")).toMatchObject({ ok: true, driver: "s3" });
      const missing = await checkReadiness(getDb(), createInProcessCache(), getEnv(), createS3Storage({ ...s3.config, bucket: "gone" }));
      expect(missing.ready).toBe(false);
      expect(missing.checks.find((c) => c.name === "media")).toMatchObject({
        ok: false,
        driver: "s3",
        detail: expect.stringMatching(/NoSuchBucket/),
      });
    } finally {
      await s3.close();
    }
  });

  it("probes QStash for real: ready while it answers, not ready when it is unreachable or refuses the token", async () => {
    const qstash = await startQstashServer({ token: "qstash-token", signingKey: "qstash-signing-key" });
    const check = async (probe: () => Promise<void>) =>
      (await checkReadiness(getDb(), createInProcessCache(), getEnv(), getMediaStorage(), probe)).checks.find(
        (c) => c.name === "scheduler",
      )!;
    try {
      expect(await check(createQstashProbe({ token: "qstash-token", baseUrl: qstash.url }))).toMatchObject({ ok: true });
      expect(await check(createQstashProbe({ token: "wrong-token", baseUrl: qstash.url }))).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/QStash unreachable/),
      });
    } finally {
      await qstash.close();
    }
    const gone = await checkReadiness(
      getDb(),
      createInProcessCache(),
      getEnv(),
      getMediaStorage(),
      createQstashProbe({ token: "qstash-token", baseUrl: qstash.url }),
    );
    expect(gone.ready).toBe(false);
    expect(gone.checks.find((c) => c.name === "scheduler")).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/QStash unreachable/),
    });
  });

  it("times QStash out quickly and keeps the outcome for a few seconds", async () => {
    // Accepts connections and never answers.
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const probe = createQstashProbe({
        token: "t",
        baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        timeoutMs: 300,
        cacheMs: 10_000,
      });
      const started = performance.now();
      await expect(probe()).rejects.toThrow(/did not answer within 300 ms/);
      expect(performance.now() - started).toBeLessThan(1_500);
      const again = performance.now();
      await expect(probe()).rejects.toThrow(/did not answer/);
      expect(performance.now() - again).toBeLessThan(50); // the cached outcome, no second call
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("is not ready when the embedded dispatcher stalls (its round hangs on the database)", async () => {
    const probe = () => checkDispatcherHeartbeat({ stallMs: 1_000 });
    const schedulerCheck = async () =>
      (await checkReadiness(getDb(), createInProcessCache(), getEnv(), getMediaStorage(), probe)).checks.find(
        (c) => c.name === "scheduler",
      )!;
    await sleep(1_200);
    expect(await schedulerCheck()).toMatchObject({ ok: true }); // the running dispatcher keeps beating

    // A libSQL server that accepts the dispatcher's queries and never answers them.
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    dispatcher.stop();
    const stuck = startEmbeddedDispatcher({
      db: createDb(`http://127.0.0.1:${(hung.address() as AddressInfo).port}`),
      appUrl: "http://127.0.0.1:9",
      signingKey: "readiness-test-key",
      tickMs: 50,
      onError: () => undefined,
    });
    try {
      await sleep(1_300);
      const check = await schedulerCheck();
      expect(check.ok).toBe(false);
      expect(check.detail).toMatch(/embedded dispatcher has stalled: its last round finished 1\.\d s ago/);
      expect((await checkReadiness(getDb(), createInProcessCache(), getEnv(), getMediaStorage(), probe)).ready).toBe(false);
    } finally {
      stuck.stop();
      hung.closeAllConnections();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
      dispatcher = startEmbeddedDispatcher({ db: getDb(), appUrl: "http://127.0.0.1:9", signingKey: "readiness-test-key", tickMs: 50 });
    }
  });

  it("counts API requests by route and status for Prometheus, readable from this machine only", async () => {
    await callRoute(meRoute.GET, "/api/v1/me");
    installPeerAddressStamp(); // as instrumentation.ts does in the server
    const served = await serveRoutes({ "/api/metrics": metricsRoute.GET });
    try {
      const res = await fetch(`${served.url}/api/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/redmatrix_http_requests_total\{route="\/api\/v1\/me",method="GET",status="401"\} [1-9]/);
    } finally {
      await served.close();
    }
    // Without a known peer address (here: no socket at all) and without the token: refused.
    const anonymous = await callRoute(metricsRoute.GET, "/api/metrics", { headers: { "x-forwarded-for": "127.0.0.1" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe("UNAUTHENTICATED");
  });
});
