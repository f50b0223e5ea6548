import { describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as readyRoute from "@/app/api/ready/route";
import * as meRoute from "@/app/api/v1/me/route";
import { getDb } from "@/db/client";
import { createMemoryCache } from "@/lib/cache/memory-cache";
import { getEnv } from "@/lib/env";
import { getMediaStorage } from "@/lib/media/media-storage";
import { createS3Storage } from "@/lib/media/s3-media-storage";
import { checkReadiness } from "@/lib/observability/readiness";
import { callRoute } from "../support/call-route";
import { startS3Server } from "../support/s3-server";
import { migratedDb } from "../support/test-db";

describe("health, readiness and metrics", () => {
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

  it("names what is down and answers 503 when the cache stops answering", async () => {
    const broken = { ...createMemoryCache(), ping: async () => Promise.reject(new Error("connection refused")) };
    const result = await checkReadiness(getDb(), broken, getEnv(), getMediaStorage());
    expect(result.ready).toBe(false);
    expect(result.checks.find((c) => c.name === "cache")).toMatchObject({ ok: false, detail: "connection refused" });
    expect(result.checks.find((c) => c.name === "database")?.ok).toBe(true);
  });

  it("names the media storage as down when its bucket is missing (real S3-protocol server)", async () => {
    const s3 = await startS3Server();
    try {
      const ok = await checkReadiness(getDb(), createMemoryCache(), getEnv(), createS3Storage(s3.config));
      expect(ok.checks.find((c) => c.name === "media")).toMatchObject({ ok: true, driver: "s3" });
      const missing = await checkReadiness(getDb(), createMemoryCache(), getEnv(), createS3Storage({ ...s3.config, bucket: "gone" }));
      expect(missing.ready).toBe(false);
      expect(missing.checks.find((c) => c.name === "media")).toMatchObject({ ok: false, driver: "s3", detail: expect.stringMatching(/NoSuchBucket/) });
    } finally {
      await s3.close();
    }
  });

  it("counts API requests by route and status for Prometheus", async () => {
    await callRoute(meRoute.GET, "/api/v1/me");
    const text = await (await metricsRoute.GET()).text();
    expect(text).toMatch(/redmatrix_http_requests_total\{route="\/api\/v1\/me",method="GET",status="401"\} [1-9]/);
  });
});
