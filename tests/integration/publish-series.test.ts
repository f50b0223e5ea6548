/**
 * Recurring series through the REST routes: cron validation, materialisation of the next 14
 * days in the series' zone, idempotent top-ups from the sweep, stop, re-plan on update, and
 * workspace isolation.
 */
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as seriesRoute from "@/app/api/v1/publish-series/[id]/route";
import * as previewRoute from "@/app/api/v1/publish-series/preview/route";
import * as listRoute from "@/app/api/v1/publish-series/route";
import type { Db } from "@/db/client";
import { auditEvents, members, publishJobs, publishSeries, users, workspaces } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { newId } from "@/lib/ids/new-id";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import { startEmbeddedDispatcher } from "@/lib/scheduling/embedded-dispatcher";
import { sweepWebhookPath } from "@/lib/jobs/job-paths";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { getEnv } from "@/lib/env";
import { materializeSeries } from "@/lib/scheduling/series/materialize-series";
import { callRoute } from "../support/call-route";
import { contextFor, memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";
import * as sweepRoute from "@/app/api/webhooks/sweep/route";

const snapshot = { title: "每周二四晚间护肤分享", body: "今晚聊聊换季修护" };
const tueThu = "30 20 * * 2,4";
const shanghaiWeekday = (d: Date) => new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", weekday: "short" }).format(d);

describe("recurring publish series", () => {
  let db: Db;
  let token = "";
  let analyst = "";
  let accountId = "";
  let otherAccountId = "";
  /** Its own account: the series of other tests would otherwise take its slots (series obey spacing and caps). */
  let replanAccountId = "";
  let adminWorkspace = "";
  const jobsOf = (seriesId: string) => db.select().from(publishJobs).where(eq(publishJobs.seriesId, seriesId)).orderBy(publishJobs.runAt);
  const create = (body: unknown, as = token) => callRoute(listRoute.POST, "/api/v1/publish-series", { method: "POST", token: as, body });
  const byId = (method: "GET" | "PATCH" | "DELETE", id: string, body?: unknown) =>
    callRoute(seriesRoute[method], `/api/v1/publish-series/${id}`, { method, token, params: { id }, body });

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    adminWorkspace = ws.workspaceId;
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    analyst = (await memberWithToken(db, ws.admin, "analyst")).token;
    accountId = (await createAccount(db, ws.admin, { name: "小鹿美妆日记", redId: "xiaolu-series" })).id;
    replanAccountId = (await createAccount(db, ws.admin, { name: "早安打卡", redId: "morning-series" })).id;
    const otherWs = newId("ws");
    const otherUser = newId("usr");
    await db.insert(workspaces).values({ id: otherWs, slug: "other-brand", name: "Other Brand" });
    await db.insert(users).values({ id: otherUser, email: "other-series@example.com", name: "Other", passwordHash: "x" });
    await db.insert(members).values({ id: newId("mem"), workspaceId: otherWs, userId: otherUser, role: "admin" });
    otherAccountId = (await createAccount(db, await contextFor(db, otherUser, otherWs), { name: "别家账号", redId: "other-series" })).id;
  });

  it("refuses an invalid cron with 400 and a field error, storing nothing", async () => {
    const res = await create({ accountId, snapshot, cron: "61 * * * *" });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("VALIDATION_FAILED");
    expect(res.json.error.fieldErrors.cron[0]).toMatch(/cron/i);
    const preview = await callRoute(previewRoute.POST, "/api/v1/publish-series/preview", {
      method: "POST",
      token,
      body: { cron: "61 * * * *" },
    });
    expect(preview.status).toBe(400);
    expect((await callRoute(listRoute.GET, "/api/v1/publish-series", { token })).json.series).toEqual([]);
  });

  it("previews the next 10 occurrences at 12:30 UTC for Tue/Thu 20:30 Asia/Shanghai", async () => {
    const res = await callRoute(previewRoute.POST, "/api/v1/publish-series/preview", {
      method: "POST",
      token: analyst,
      body: { cron: tueThu },
    });
    expect(res.status).toBe(200);
    expect(res.json.timezone).toBe("Asia/Shanghai");
    expect(res.json.occurrences).toHaveLength(10);
    for (const iso of res.json.occurrences as string[]) {
      expect(iso).toMatch(/T12:30:00\.000Z$/);
      expect(["Tue", "Thu"]).toContain(shanghaiWeekday(new Date(iso)));
    }
  });

  it("materialises 14 days of Tue/Thu 20:30 Shanghai as jobs at 12:30 UTC, idempotently", async () => {
    const res = await create({ accountId, snapshot, cron: tueThu });
    expect(res.status).toBe(201);
    const id = res.json.series.id as string;
    expect(res.json.series.timezone).toBe("Asia/Shanghai");
    const jobs = await jobsOf(id);
    expect(jobs).toHaveLength(4); // any 14-day window holds two Tuesdays and two Thursdays
    const horizon = Date.now() + 14 * 86_400_000;
    for (const job of jobs) {
      expect(job.runAt.getUTCHours()).toBe(12);
      expect(job.runAt.getUTCMinutes()).toBe(30);
      expect(["Tue", "Thu"]).toContain(shanghaiWeekday(job.runAt));
      expect(job.runAt.getTime()).toBeLessThanOrEqual(horizon);
      expect(job).toMatchObject({
        status: "scheduled",
        accountId,
        snapshot: { title: snapshot.title },
        idempotencyKey: `series:${id}:${job.runAt.toISOString()}`,
      });
    }
    expect((await materializeSeries(db, embeddedDriver)).created).toBe(0);
    expect((await materializeSeries(db, embeddedDriver)).created).toBe(0);
    expect(await jobsOf(id)).toHaveLength(4);
    // A week later the sweep tops the window up with the next Tuesday and Thursday.
    await materializeSeries(db, embeddedDriver, new Date(Date.now() + 7 * 86_400_000));
    expect(await jobsOf(id)).toHaveLength(6);
    const list = await callRoute(listRoute.GET, "/api/v1/publish-series", { token: analyst });
    expect(list.json.series[0]).toMatchObject({
      id,
      status: "active",
      accountName: "小鹿美妆日记",
      nextRunAt: jobs[0].runAt.toISOString(),
    });
    await byId("DELETE", id);
  });

  it("stops: future scheduled jobs are canceled, published ones stay, and the sweep adds none", async () => {
    const id = (await create({ accountId, snapshot, cron: tueThu })).json.series.id as string;
    const [first] = await jobsOf(id);
    await db
      .update(publishJobs)
      .set({ status: "published", remoteUrl: "https://www.xiaohongshu.com/explore/abc" })
      .where(eq(publishJobs.id, first.id));
    const stopped = await byId("DELETE", id);
    expect(stopped.status).toBe(200);
    expect(stopped.json).toMatchObject({ series: { status: "stopped" }, canceled: 3 });
    const after = await jobsOf(id);
    expect(after.map((j) => j.status)).toEqual(["published", "canceled", "canceled", "canceled"]);
    await materializeSeries(db, embeddedDriver, new Date(Date.now() + 7 * 86_400_000));
    expect(await jobsOf(id)).toHaveLength(4);
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "series.stop")));
    expect(audit).toHaveLength(1);
    expect((await byId("PATCH", id, { cron: "0 9 * * *" })).status).toBe(409);
  });

  it("update re-plans: old future jobs canceled, new ones at the new times with the new note", async () => {
    const id = (await create({ accountId: replanAccountId, snapshot: { ...snapshot, images: ["/media/a.jpg"] }, cron: tueThu })).json.series
      .id as string;
    const res = await byId("PATCH", id, { cron: "0 9 * * 1", snapshot: { title: "周一早安打卡", body: "新的一周" } });
    expect(res.status).toBe(200);
    expect(res.json.canceled).toBe(4);
    const live = (await jobsOf(id)).filter((j) => j.status === "scheduled");
    expect(live).toHaveLength(2);
    for (const job of live) {
      expect(shanghaiWeekday(job.runAt)).toBe("Mon");
      expect(job.runAt.getUTCHours()).toBe(1);
      expect(job.snapshot).toMatchObject({ title: "周一早安打卡", body: "新的一周", images: ["/media/a.jpg"] });
    }
    // The same times again with a new note: the canceled jobs freed their keys.
    const retitled = await byId("PATCH", id, { snapshot: { title: "周一早安", body: "新的一周" } });
    expect(retitled.json.jobs).toHaveLength(2);
    expect((await jobsOf(id)).filter((j) => j.status === "scheduled").map((j) => j.snapshot.title)).toEqual(["周一早安", "周一早安"]);
    await byId("DELETE", id);
  });

  it("both sweep paths top up a series: the signed sweep webhook and the embedded dispatcher's tick", async () => {
    const insertSeries = async () => {
      const [row] = await db
        .insert(publishSeries)
        .values({
          id: newId("ser"),
          workspaceId: adminWorkspace,
          accountId,
          snapshot: { ...snapshot, topics: [], images: [] },
          cron: "0 12 * * *",
          timezone: "Asia/Shanghai",
          startsAt: new Date(),
        })
        .returning();
      return row.id;
    };
    const viaWebhook = await insertSeries();
    const url = `${getEnv().appUrl}${sweepWebhookPath}`;
    const req = new NextRequest(url, {
      method: "POST",
      body: "{}",
      headers: {
        "content-type": "application/json",
        "upstash-signature": signQstashRequest({ url, body: "{}", key: signingKeys().current }),
      },
    });
    const swept = await (await sweepRoute.POST(req)).json();
    expect(swept.seriesJobsCreated).toBe(14);
    expect(await jobsOf(viaWebhook)).toHaveLength(14);

    const viaDispatcher = await insertSeries();
    const dispatcher = startEmbeddedDispatcher({ db, appUrl: "http://127.0.0.1:9", signingKey: signingKeys().current, tickMs: 60_000 });
    try {
      for (let i = 0; i < 100 && (await jobsOf(viaDispatcher)).length < 14; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      dispatcher.stop();
    }
    expect(await jobsOf(viaDispatcher)).toHaveLength(14);
    for (const id of [viaWebhook, viaDispatcher]) await byId("DELETE", id);
  });

  it("another workspace's account or series is not found, and nothing is stored", async () => {
    const res = await create({ accountId: otherAccountId, snapshot, cron: tueThu });
    expect(res.status).toBe(404);
    expect((await db.select().from(publishJobs).where(eq(publishJobs.accountId, otherAccountId))).length).toBe(0);
    expect((await byId("GET", "ser_missing")).status).toBe(404);
    expect((await create({ accountId, draftId: "drf_elsewhere", snapshot, cron: tueThu })).status).toBe(404);
  });

  it("an analyst may read but not create or stop", async () => {
    expect((await create({ accountId, snapshot, cron: tueThu }, analyst)).status).toBe(403);
  });
});
