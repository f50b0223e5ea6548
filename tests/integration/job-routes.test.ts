/**
 * Every background webhook is a registered job built by jobRoute, which verifies the QStash
 * signature before the job runs: a route that forgot to verify would fail here, as would a
 * registry entry without a route or a route whose path is not the one its job signs.
 */
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import type { JobRoute } from "@/lib/next/job-route";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { jobs } from "@/lib/jobs/registry";
import { getEnv } from "@/lib/env";
import { findFiles, repoRoot } from "../support/api-routes";
import { migratedDb } from "../support/test-db";

type RouteModule = { POST?: JobRoute } & Record<string, unknown>;

async function webhookRoutes() {
  const root = path.join(repoRoot, "app/api/webhooks");
  return Promise.all(
    findFiles(root, "route.ts").map(async (file) => ({
      path: `/api/webhooks/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`,
      module: (await import(file)) as RouteModule,
    })),
  );
}

describe("background job routes", () => {
  beforeAll(async () => {
    await migratedDb();
  });

  it("builds every route under app/api/webhooks with jobRoute, at the path its job signs, and only POST", async () => {
    const routes = await webhookRoutes();
    expect(routes.length).toBe(Object.keys(jobs).length);
    for (const route of routes) {
      expect(route.module.POST?.job?.path, route.path).toBe(route.path);
      expect(
        Object.keys(route.module).filter((k) => /^(GET|PUT|PATCH|DELETE)$/.test(k)),
        route.path,
      ).toEqual([]);
    }
    expect(routes.map((r) => r.path).sort()).toEqual(
      Object.values(jobs)
        .map((j) => j.path)
        .sort(),
    );
  });

  it("refuses every job unsigned, wrongly signed, or signed for another job's path, before it runs", async () => {
    const base = getEnv().appUrl;
    for (const route of await webhookRoutes()) {
      const url = `${base}${route.path}`;
      const post = (headers: Record<string, string>) =>
        route.module.POST!(
          new NextRequest(url, { method: "POST", body: "{}", headers: { "content-type": "application/json", ...headers } }),
        );
      const other = Object.values(jobs).find((j) => j.path !== route.path)!.path;
      const attempts = {
        unsigned: await post({}),
        wrongKey: await post({ "upstash-signature": signQstashRequest({ url, body: "{}", key: "not-the-signing-key" }) }),
        otherPath: await post({
          "upstash-signature": signQstashRequest({ url: `${base}${other}`, body: "{}", key: signingKeys().current }),
        }),
      };
      for (const [name, res] of Object.entries(attempts)) {
        expect(res.status, `${route.path} ${name}`).toBe(401);
        expect((await res.json()).error.code, `${route.path} ${name}`).toBe("INVALID_SIGNATURE");
      }
    }
    // The control: the same call, signed for its own path with our key, runs.
    const url = `${base}${jobs.accountHealth.path}`;
    const { POST } = (await webhookRoutes()).find((r) => r.path === jobs.accountHealth.path)!.module;
    const signed = await POST!(
      new NextRequest(url, {
        method: "POST",
        body: "{}",
        headers: {
          "content-type": "application/json",
          "upstash-signature": signQstashRequest({ url, body: "{}", key: signingKeys().current }),
        },
      }),
    );
    expect(signed.status).toBe(200);
  });
});
