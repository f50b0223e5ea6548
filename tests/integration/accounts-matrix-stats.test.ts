/**
 * The matrix overview's per-account figures (followers, posts this week, scheduled next, last
 * publish result, failures in 7 days) from real rows, and the matrix cache: after every kind of
 * write that changes the matrix (account edit, bulk action, grant, new job, job outcome,
 * own-account snapshot), the very next read shows it. Run on the memory driver and on the
 * Upstash driver (REST bridge in front of the real Redis).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { publishJobs, type Account, type PublishJob } from "@/db/schema";
import { runBulkAction } from "@/lib/accounts/bulk-accounts";
import { createAccount } from "@/lib/accounts/create-account";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { matrixVersion } from "@/lib/accounts/matrix-cache";
import { loadMatrixStats } from "@/lib/accounts/matrix-stats";
import { updateAccount } from "@/lib/accounts/update-account";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { ingestSeries } from "@/lib/competitors/ingest/ingest-series";
import type { Cache } from "@/lib/cache/cache";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { createUpstashCache } from "@/lib/cache/upstash-cache";
import { newId } from "@/lib/ids/new-id";
import { updateMember } from "@/lib/members/update-member";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { redisAvailable, requireOrSkip } from "../support/redis-available";
import { migratedDb } from "../support/test-db";
import { startUpstashRestServer, type UpstashRestServer } from "../support/upstash-rest-server";

const redisUp = requireOrSkip(await redisAvailable(), "the matrix cache tests on the Upstash driver");

let db: Db;
let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
let a: Account, b: Account, c: Account;
let upstash: UpstashRestServer | undefined;

async function addJob(accountId: string, status: PublishJob["status"], runAt: string, finishedAt: string | null = null) {
  const [row] = await db
    .insert(publishJobs)
    .values({
      id: newId("job"),
      workspaceId: ws.workspaceId,
      accountId,
      snapshot: { title: `t ${status}`, body: "", topics: [], images: [] },
      runAt: new Date(runAt),
      status,
      finishedAt: finishedAt ? new Date(finishedAt) : null,
      idempotencyKey: randomBytes(8).toString("hex"),
    })
    .returning();
  return row;
}

async function snapshot(account: Account, followers: number, takenAt: string) {
  const settings = await getAnalyticsSettings(db, ws.workspaceId);
  await ingestSeries(
    db,
    { workspaceId: ws.workspaceId, timezone: "Asia/Shanghai", subjectType: "account", subjectId: account.id, settings },
    { profiles: [{ takenAt: new Date(takenAt), followers }] },
    "test",
  );
}

beforeAll(async () => {
  db = await migratedDb();
  ws = await setUpWorkspace(db);
  [a, b, c] = await Promise.all(["A", "B", "C"].map((x) => createAccount(db, ws.admin, { name: `统计${x}`, redId: `stats_${x}` })));
  // "Now" for the figures: Wednesday 2026-11-25 12:00 in Shanghai; that week starts Monday 2026-11-23 00:00 +08:00.
  await addJob(a.id, "published", "2026-11-22T17:00:00Z", "2026-11-22T17:00:05Z"); // Monday 01:00 local: this week
  await addJob(a.id, "published", "2026-11-22T15:00:00Z", "2026-11-22T15:00:05Z"); // Sunday 23:00 local: last week
  await addJob(a.id, "failed", "2026-11-24T02:00:00Z", "2026-11-24T02:01:00Z"); // inside 7 days, and A's latest outcome
  await addJob(a.id, "failed", "2026-11-10T02:00:00Z", "2026-11-10T02:01:00Z"); // older than 7 days
  await addJob(a.id, "scheduled", "2026-11-27T12:00:00Z");
  await addJob(a.id, "scheduled", "2026-11-26T12:00:00Z");
  await addJob(a.id, "canceled", "2026-11-25T01:00:00Z", "2026-11-24T20:00:00Z"); // neither a post nor a failure
  await addJob(c.id, "unconfirmed", "2026-11-20T02:00:00Z", "2026-11-20T02:05:00Z");
  await snapshot(c, 1200, "2026-11-20T00:00:00Z");
  await snapshot(c, 1300, "2026-11-24T00:00:00Z");
  if (redisUp) upstash = await startUpstashRestServer();
});

afterAll(async () => {
  await upstash?.close();
});

describe("matrix figures", () => {
  it("counts per account in the workspace's week and the last 7 days, and leaves empty figures empty", async () => {
    const stats = await loadMatrixStats(db, ws.workspaceId, [a.id, b.id, c.id], "Asia/Shanghai", new Date("2026-11-25T04:00:00Z"));
    expect(stats.get(a.id)).toEqual({
      followers: null,
      postsThisWeek: 1,
      failures7d: 1,
      nextScheduledAt: new Date("2026-11-26T12:00:00Z"),
      lastPublish: { status: "failed", at: new Date("2026-11-24T02:01:00Z") },
    });
    expect(stats.get(b.id)).toEqual({ followers: null, postsThisWeek: 0, failures7d: 0, nextScheduledAt: null, lastPublish: null });
    expect(stats.get(c.id)).toMatchObject({
      followers: 1300,
      postsThisWeek: 0,
      failures7d: 0,
      lastPublish: { status: "unconfirmed", at: new Date("2026-11-20T02:05:00Z") },
    });
  });

  it("filters and sorts by the figures (empty values last)", async () => {
    const cache = createInProcessCache();
    const names = async (q: Parameters<typeof loadMatrix>[2]) => (await loadMatrix(db, ws.admin, q, cache)).accounts.map((x) => x.name);
    expect(await names({ result: "unconfirmed" })).toEqual(["统计C"]);
    expect(await names({ result: "none" })).toEqual(["统计B"]);
    expect(await names({ scheduled: "yes" })).toEqual(["统计A"]);
    expect(await names({ sort: "followers", dir: "desc" })).toEqual(["统计C", "统计A", "统计B"]);
    expect(await names({ sort: "nextScheduledAt" })).toEqual(["统计A", "统计B", "统计C"]);
  });
});

function staleReadSuite(label: string, makeCache: () => Cache) {
  describe(`matrix cache (${label}): a write never leaves a stale read`, () => {
    let cache: Cache;
    const row = async (id: string) => (await loadMatrix(db, ws.admin, {}, cache)).accounts.find((x) => x.id === id)!;
    /** Reads (filling the cache), writes, and returns the next read. */
    async function afterWrite(id: string, write: () => Promise<unknown>) {
      await row(id);
      const before = await matrixVersion(db, ws.workspaceId);
      await write();
      expect(await matrixVersion(db, ws.workspaceId)).toBeGreaterThan(before);
      return row(id);
    }

    beforeAll(() => {
      cache = makeCache();
    });

    it("serves a repeated read from the cache", async () => {
      await row(a.id);
      const key = `matrix:${ws.workspaceId}:v${await matrixVersion(db, ws.workspaceId)}`;
      expect(await cache.get(key)).not.toBeNull();
      expect((await row(a.id)).createdAt).toBeInstanceOf(Date);
    });

    it("account edits, bulk actions and grants", async () => {
      expect((await afterWrite(b.id, () => updateAccount(db, ws.admin, b.id, { name: `统计B ${label}` }))).name).toBe(`统计B ${label}`);
      expect((await afterWrite(b.id, () => runBulkAction(db, ws.admin, { action: "pause", accountIds: [b.id] }))).status).toBe("paused");
      expect((await afterWrite(b.id, () => runBulkAction(db, ws.admin, { action: "resume", accountIds: [b.id] }))).status).toBe("active");
      const m = await memberWithToken(db, ws.admin, "analyst", `stats-${label}@example.com`);
      await updateMember(db, ws.admin, m.memberId, { accountScope: "granted", accountIds: [] });
      expect(
        (await afterWrite(b.id, () => runBulkAction(db, ws.admin, { action: "grant", accountIds: [b.id], memberIds: [m.memberId] })))
          .memberIds,
      ).toContain(m.memberId);
    });

    it("a new job and its outcome", async () => {
      const due = new Date(Date.now() - 1000).toISOString();
      let job!: PublishJob;
      expect((await afterWrite(b.id, async () => (job = await addJob(b.id, "scheduled", due)))).stats.nextScheduledAt).toEqual(
        new Date(due),
      );
      const failed = await afterWrite(b.id, () =>
        runPublishJob(db, { jobId: job.id, workspaceId: ws.workspaceId, version: job.version }, async () => ({
          kind: "rejected",
          code: "PUBLISH_FAILED",
          reason: "bad cover",
        })),
      );
      expect(failed.stats).toMatchObject({ nextScheduledAt: null, lastPublish: { status: "failed" } });
      expect(failed.stats.failures7d).toBeGreaterThan(0);
    });

    it("an own-account snapshot", async () => {
      const followers = 5000 + Math.floor(Math.random() * 1000);
      expect((await afterWrite(b.id, () => snapshot(b, followers, new Date().toISOString()))).stats.followers).toBe(followers);
    });
  });
}

staleReadSuite("memory", () => createInProcessCache());
if (redisUp) staleReadSuite("upstash", () => createUpstashCache(upstash!.url, upstash!.token));
