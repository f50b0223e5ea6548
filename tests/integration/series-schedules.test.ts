/**
 * Recurring series with the QStash driver use QStash schedules (the stand-in speaks
 * /v2/schedules through @upstash/qstash's Client): no 14-day top-up, each scheduled call makes
 * its one occurrence, which is then delivered and published through QStash like any job; stop
 * deletes the schedule. With either driver, occurrences obey the account's daily cap, spacing
 * and slots: shifted or skipped with the reason, shown in the series list.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publishRoute from "@/app/api/webhooks/publish/route";
import * as seriesRoute from "@/app/api/webhooks/series/route";
import type { Db } from "@/db/client";
import { accounts, publishJobs, publishSeries, sandboxPublications } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { newId } from "@/lib/ids/new-id";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import type { createQstashDriver } from "@/lib/scheduling/drivers/qstash-driver";
import { nextOccurrences } from "@/lib/scheduling/recurrence";
import { materializeSeries } from "@/lib/scheduling/series/materialize-series";
import { createSeries, listSeries, stopSeries } from "@/lib/scheduling/series/series-service";
import { createSeriesSchema } from "@/lib/scheduling/series/series-input";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { setUpWorkspace } from "../support/fixtures";
import { startQstashServer } from "../support/qstash-server";
import { serveRoutes } from "../support/serve-route";
import { migratedDb } from "../support/test-db";

const zone = "Asia/Shanghai";
const keys = { current: "sig_series_current", next: "sig_series_next" };
const snapshot = { title: "每日晚间穿搭", body: "今天穿什么" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A daily cron at the current minute in Shanghai: its latest occurrence is "now" for the webhook. */
function cronForNow(): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(
    new Date(),
  );
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return `${get("minute")} ${get("hour")} * * *`;
}

describe("series with QStash schedules and account rules", () => {
  let db: Db;
  let app: Awaited<ReturnType<typeof serveRoutes>>;
  let qstash: Awaited<ReturnType<typeof startQstashServer>>;
  let driver: ReturnType<typeof createQstashDriver>;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const jobsOf = (seriesId: string) => db.select().from(publishJobs).where(eq(publishJobs.seriesId, seriesId)).orderBy(publishJobs.runAt);
  const newAccount = async (name: string, rules: Partial<typeof accounts.$inferInsert> = {}) => {
    const { id } = await createAccount(db, ws.admin, { name, redId: `${name}-${Date.now()}` });
    if (Object.keys(rules).length) await db.update(accounts).set(rules).where(eq(accounts.id, id));
    return id;
  };
  // Started a while ago, so the occurrence of the current minute belongs to it.
  const series = (accountId: string, cron: string, driverToUse = driver) =>
    createSeries(
      db,
      driverToUse,
      ws.admin,
      createSeriesSchema.parse({ accountId, snapshot, cron, timezone: zone, startsAt: new Date(Date.now() - 10 * 60_000) }),
    );
  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      const value = await probe();
      if (ok(value) || i > 200) return value;
      await sleep(50);
    }
  }

  beforeAll(async () => {
    app = await serveRoutes({ "/api/webhooks/publish": publishRoute.POST, "/api/webhooks/series": seriesRoute.POST });
    qstash = await startQstashServer({ token: "qstash-series-token", signingKey: keys.current });
    // Before the environment is first read: this process runs with the QStash driver, pointed at the stand-in.
    Object.assign(process.env, {
      APP_URL: app.url,
      QSTASH_TOKEN: "qstash-series-token",
      QSTASH_URL: qstash.url,
      QSTASH_CURRENT_SIGNING_KEY: keys.current,
      QSTASH_NEXT_SIGNING_KEY: keys.next,
    });
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    driver = getSchedulerDriver() as ReturnType<typeof createQstashDriver>;
    expect(driver.name).toBe("qstash");
  });
  afterAll(async () => {
    await qstash?.close();
    await app?.close();
  });

  it("creates a QStash schedule in the series' zone instead of materialising 14 days", async () => {
    const accountId = await newAccount("schedule-only");
    const { series: created, jobs } = await series(accountId, "30 20 * * 2,4");
    expect(jobs).toEqual([]);
    expect(created.schedulerScheduleId).toBe(`series-${created.id}`);
    const schedule = qstash.schedules.get(created.schedulerScheduleId!)!;
    expect(schedule).toMatchObject({ expression: "30 20 * * 2,4", timezone: zone, destination: `${app.url}/api/webhooks/series` });
    expect(JSON.parse(schedule.body)).toEqual({ seriesId: created.id, workspaceId: ws.workspaceId });
    // The sweep leaves it to the schedule.
    expect((await materializeSeries(db, driver)).created).toBe(0);
    expect(await jobsOf(created.id)).toHaveLength(0);
  });

  it("makes the occurrence when the schedule calls, publishes it through QStash once, and stop deletes the schedule", async () => {
    const accountId = await newAccount("schedule-publish");
    const { series: created } = await series(accountId, cronForNow());
    const scheduleId = created.schedulerScheduleId!;
    await qstash.fire(scheduleId);
    await qstash.fire(scheduleId); // a retried call: the same occurrence, not made again
    const [job] = await until(
      () => jobsOf(created.id),
      (rows) => rows[0]?.status === "published",
    );
    expect(job.status).toBe("published");
    expect(await jobsOf(created.id)).toHaveLength(1);
    expect(await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, accountId))).toHaveLength(1);
    const seriesCalls = qstash.deliveries.filter((d) => d.destination.endsWith("/api/webhooks/series"));
    expect(seriesCalls.slice(-2).map((d) => d.status)).toEqual([200, 200]);

    await stopSeries(db, driver, ws.admin, created.id);
    expect(qstash.schedules.has(scheduleId)).toBe(false);
    expect((await db.select().from(publishSeries).where(eq(publishSeries.id, created.id)))[0].schedulerScheduleId).toBeNull();
  });

  it("skips a scheduled occurrence over the account's daily cap, with the reason in the series list", async () => {
    const accountId = await newAccount("capped", { dailyPostCap: 1 });
    await db.insert(publishJobs).values({
      id: newId("job"),
      workspaceId: ws.workspaceId,
      accountId,
      snapshot: { ...snapshot, topics: [], images: [] },
      runAt: new Date(Math.floor(Date.now() / 60_000) * 60_000),
      status: "published",
      idempotencyKey: newId("idem"),
    });
    const { series: created } = await series(accountId, cronForNow());
    await qstash.fire(created.schedulerScheduleId!);
    const [job] = await jobsOf(created.id);
    expect(job.status).toBe("canceled");
    expect(job.planNote).toMatchObject({ action: "skipped", rule: "daily_cap" });
    const view = (await listSeries(db, ws.admin)).find((s) => s.id === created.id)!;
    expect(view.adjustments).toEqual([expect.objectContaining({ action: "skipped", rule: "daily_cap", jobId: job.id })]);
  });

  it("shifts an embedded occurrence to the next free slot of the day when spacing is too short", async () => {
    const accountId = await newAccount("spaced", { minSpacingMinutes: 120, postingSlots: ["20:30", "22:30"] });
    const [tuesday1930] = nextOccurrences("30 19 * * 2", zone, new Date(), 1);
    await db.insert(publishJobs).values({
      id: newId("job"),
      workspaceId: ws.workspaceId,
      accountId,
      snapshot: { ...snapshot, topics: [], images: [] },
      runAt: tuesday1930,
      idempotencyKey: newId("idem"),
    });
    const { series: created, jobs } = await series(accountId, "30 20 * * 2", embeddedDriver);
    expect(created.schedulerScheduleId).toBeNull();
    const first = jobs[0];
    expect(first.planNote).toEqual({ action: "shifted", rule: "spacing", from: new Date(tuesday1930.getTime() + 3_600_000).toISOString() });
    expect(first.runAt.toISOString()).toBe(new Date(tuesday1930.getTime() + 3 * 3_600_000).toISOString()); // 22:30
    expect(first.status).toBe("scheduled");
    expect(jobs[1].planNote).toBeNull(); // the next Tuesday is free
  });
});
