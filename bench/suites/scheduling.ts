/**
 * Scheduling suite (issue 5, "Speed"), against `next start` with the sandbox publisher:
 *
 * 1. Webhook throughput: BENCH_SCHED_JOBS due jobs (default 3,000) seeded in the bench database,
 *    then one QStash-signed delivery {jobId, workspaceId, version} per job fired at
 *    POST /api/webhooks/publish with autocannon (BENCH_SCHED_CONNECTIONS, default
 *    BENCH_CONNECTIONS). Signatures are real: the data dir's current key, over the URL the
 *    server verifies (lib/env appUrl). jobs/s = deliveries answered "published" ÷ wall time.
 *    Afterwards the database must show every job published with exactly one sandbox publication.
 *    Isolating the webhook: the server's embedded dispatcher would race us for the same due jobs
 *    (run_at <= now) and the claim accepts only run_at <= now + 2 s, too short a window for
 *    3,000 jobs. So the measured server runs with APP_URL pointing at a closed local port: the
 *    webhook verifies signatures over that URL (we sign for it and send to the real port), while
 *    the dispatcher's own POSTs to it are refused and the jobs stay due for us. The dispatcher
 *    keeps polling (one indexed query per 250 ms), and backs off its refused deliveries (up to
 *    10 s apart), as it would in production with a wrong APP_URL.
 *    Unless BENCH_SCHED_RACE=0, a second run on the normal server lets both race (run_at =
 *    now + 1.5 s, fired at once): every job must still be published exactly once; its jobs/s is
 *    both paths together (seed done → last job finished, from the database).
 * 2. Dispatcher lag: BENCH_SCHED_LAG_JOBS jobs (default 200) with run_at spread over
 *    BENCH_SCHED_LAG_SPREAD seconds (default 20) starting 3 s ahead, on the normal server; lag per
 *    job from the database, reported both as claimed_at − run_at (the webhook took it) and
 *    finished_at − run_at (the sandbox publication was recorded; the figure held to < 1 s).
 * 3. Calendar: BENCH_SCHED_CALENDAR_JOBS scheduled jobs (default 10,000) spread over next month;
 *    the signed-in month page over HTTP with autocannon (BENCH_SCHED_PAGE_CONNECTIONS, default 1,
 *    for BENCH_SCHED_PAGE_DURATION s, default 30, after BENCH_WARMUP: the page takes seconds, so a
 *    10-connection run only measures queueing and yields a handful of samples), monthSummary (the
 *    month view's per-day counts + first jobs per day) in-process (BENCH_SCHED_ITERATIONS,
 *    default 50), and what the page actually contains (its day totals must add up to every job).
 * Writes bench/results/scheduling-<timestamp>.json and scheduling-latest.json.
 */
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { benchUser, prepareApp, signIn, startApp, type PreparedApp } from "../lib/app-server";
import type { BenchContext } from "../lib/context";
import { measure, percentile } from "../lib/measure";
import { checkExactlyOnce, jobTimings, pendingJobs } from "../lib/publish-job-checks";
import { formatTable, writeResults } from "../lib/report";
import { benchWorkspace, seedPublishJobs, type BenchWorkspace } from "../lib/seed-publish-jobs";
import { fireDeliveries, signDeliveries } from "../lib/signed-deliveries";

export const name = "scheduling";

const webhookPath = "/api/webhooks/publish";
type Db = Awaited<ReturnType<typeof openDb>>;
type Row = {
  metric: string;
  n: number;
  rate: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  check: string;
  target: string;
  met: string;
};

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return Math.round(value);
}

async function openDb(prepared: PreparedApp) {
  const { createDb } = await import("@/db/client");
  return createDb(prepared.env.DATABASE_URL);
}

/** A port nothing listens on (bound and released at once). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r2 = (n: number) => Math.round(n * 100) / 100;

function dist(samples: number[]) {
  const sorted = Float64Array.from(samples).sort();
  return {
    n: samples.length,
    p50: r2(percentile(sorted, 50)),
    p95: r2(percentile(sorted, 95)),
    p99: r2(percentile(sorted, 99)),
    max: r2(sorted[sorted.length - 1] ?? 0),
  };
}

async function waitUntilDone(db: Db, batchId: string, deadline: number): Promise<number> {
  for (;;) {
    const pending = await pendingJobs(db, batchId);
    if (pending === 0 || Date.now() > deadline) return pending;
    await sleep(500);
  }
}

const payloadsOf = (jobs: { id: string; workspaceId: string; version: number }[]) =>
  jobs.map((j) => ({ jobId: j.id, workspaceId: j.workspaceId, version: j.version }));

async function webhookAlone(
  ctx: BenchContext,
  prepared: PreparedApp,
  db: Db,
  ws: BenchWorkspace,
  key: string,
  count: number,
  connections: number,
) {
  const mutedAppUrl = `http://127.0.0.1:${await closedPort()}`;
  const batchId = `bench-webhook-${Date.now()}`;
  const due = () => new Date(Date.now() - 5_000);
  const warm = await seedPublishJobs(db, ws, Math.min(100, count), `${batchId}-warm`, due);
  const jobs = await seedPublishJobs(db, ws, count, batchId, due);
  const app = await startApp({ ...prepared, env: { ...prepared.env, APP_URL: mutedAppUrl } });
  try {
    await fireDeliveries(app.baseUrl, webhookPath, signDeliveries(payloadsOf(warm), `${mutedAppUrl}${webhookPath}`, key), connections);
    const deliveries = signDeliveries(payloadsOf(jobs), `${mutedAppUrl}${webhookPath}`, key);
    console.log(
      `bench: webhook alone — ${count} signed deliveries, ${connections} connections (dispatcher muted: APP_URL=${mutedAppUrl}) …`,
    );
    const cpuBefore = app.cpuMs();
    const run = await fireDeliveries(app.baseUrl, webhookPath, deliveries, connections);
    const cpuAfter = app.cpuMs();
    const check = await checkExactlyOnce(db, batchId);
    const jobsPerSec = r2((run.results.published ?? 0) / run.wallSec);
    // Server CPU per job: less sensitive than jobs/s to other work on the machine (it still inflates it somewhat).
    const serverCpuMsPerJob = cpuBefore !== null && cpuAfter !== null ? r2((cpuAfter - cpuBefore) / count) : null;
    console.log(
      `bench: ${jobsPerSec} jobs/s, p95 ${run.latencyMs.p95} ms, server CPU ${serverCpuMsPerJob} ms/job, results ${JSON.stringify(run.results)}, exactly once: ${check.ok}`,
    );
    return { mutedAppUrl, batchId, jobsPerSec, serverCpuMsPerJob, run, check };
  } finally {
    await app.stop();
  }
}

async function webhookRacing(db: Db, ws: BenchWorkspace, key: string, appUrl: string, baseUrl: string, count: number, connections: number) {
  const batchId = `bench-race-${Date.now()}`;
  const t0 = Date.now();
  const jobs = await seedPublishJobs(db, ws, count, batchId, () => new Date(t0 + 1_500));
  const deliveries = signDeliveries(payloadsOf(jobs), `${appUrl}${webhookPath}`, key);
  console.log(`bench: webhook racing the dispatcher — ${count} jobs due at seed + 1.5 s …`);
  const started = performance.now();
  const run = await fireDeliveries(baseUrl, webhookPath, deliveries, connections);
  const pending = await waitUntilDone(db, batchId, Date.now() + 120_000);
  const wallSec = (performance.now() - started) / 1000;
  const check = await checkExactlyOnce(db, batchId);
  const jobsPerSec = r2((check.statuses.published ?? 0) / wallSec);
  console.log(
    `bench: ${jobsPerSec} jobs/s (both paths), our results ${JSON.stringify(run.results)}, pending ${pending}, exactly once: ${check.ok}`,
  );
  return { batchId, jobsPerSec, wallSec: r2(wallSec), run, check, pending };
}

async function dispatcherLag(db: Db, ws: BenchWorkspace, count: number, spreadSec: number) {
  const batchId = `bench-lag-${Date.now()}`;
  const first = Date.now() + 3_000;
  await seedPublishJobs(db, ws, count, batchId, (i) => new Date(first + Math.floor((i * spreadSec * 1000) / count)));
  console.log(`bench: dispatcher lag — ${count} jobs over ${spreadSec} s, waiting …`);
  const pending = await waitUntilDone(db, batchId, first + spreadSec * 1000 + 60_000);
  const timings = await jobTimings(db, batchId);
  const claimed = timings.filter((t) => t.claimedAt !== null).map((t) => t.claimedAt! - t.runAt);
  const finished = timings.filter((t) => t.finishedAt !== null).map((t) => t.finishedAt! - t.runAt);
  const check = await checkExactlyOnce(db, batchId);
  return { batchId, pending, claimLagMs: dist(claimed), finishLagMs: dist(finished), check };
}

async function calendar(
  ctx: BenchContext,
  prepared: PreparedApp,
  db: Db,
  ws: BenchWorkspace,
  baseUrl: string,
  count: number,
  iterations: number,
  pageLoad: { connections: number; durationSec: number },
) {
  const { calendarRange, dayKey, shiftAnchor } = await import("@/lib/scheduling/calendar-range");
  const { monthSummary } = await import("@/lib/scheduling/month-summary");
  const { startOfDayInZone } = await import("@/lib/time/zoned");
  const month = shiftAnchor("month", dayKey(new Date(), ws.timezone), 1).slice(0, 7);
  const anchor = `${month}-15`;
  const monthStart = startOfDayInZone(`${month}-01`, ws.timezone)!.getTime();
  const monthEnd = startOfDayInZone(`${shiftAnchor("month", `${month}-01`, 1).slice(0, 7)}-01`, ws.timezone)!.getTime();
  const batchId = `bench-calendar-${Date.now()}`;
  console.log(`bench: seeding ${count} scheduled jobs in ${month} …`);
  await seedPublishJobs(db, ws, count, batchId, (i) => new Date(monthStart + Math.floor(((i + 0.5) * (monthEnd - monthStart)) / count)));

  const { days } = calendarRange("month", anchor, ws.timezone);
  const scope = { workspaceId: ws.workspaceId, accountIds: null };
  const samples: number[] = [];
  let summary: Awaited<ReturnType<typeof monthSummary>> = { counts: {}, jobs: [] };
  for (let i = 0; i < iterations + 3; i++) {
    const t = performance.now();
    summary = await monthSummary(db, scope, { days, timezone: ws.timezone, statuses: ["scheduled"] });
    if (i >= 3) samples.push(performance.now() - t);
  }
  const monthDays = new Set(
    Array.from({ length: Math.round((monthEnd - monthStart) / 86_400_000) }, (_, d) =>
      dayKey(new Date(monthStart + d * 86_400_000 + 43_200_000), ws.timezone),
    ),
  );
  const shownDays = new Set(Object.keys(summary.counts).filter((d) => monthDays.has(d)));
  // Only this batch's jobs are scheduled in that month (earlier suites' jobs are published by now).
  const inRange = Object.values(summary.counts).reduce((s, c) => s + c.total, 0);
  const rows = summary.jobs;

  const session = await signIn(baseUrl);
  const pagePath = `/${prepared.slug}/calendar?view=month&date=${anchor}`;
  const res = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie: session.sessionCookie }, redirect: "manual" });
  const html = await res.text();
  const chips = new Set([...html.matchAll(/data-testid="job-(job_[A-Za-z0-9_-]{16})"/g)].map((m) => m[1]));
  const idsInPage = new Set(html.match(/job_[A-Za-z0-9_-]{16}/g) ?? []);
  const moreTotal = [...html.matchAll(/还有 (\d+) 条|(\d+) more/g)].reduce((s, m) => s + Number(m[1] ?? m[2]), 0);
  const dayTotals = [...html.matchAll(/data-total="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
  const page = {
    status: res.status,
    bytes: Buffer.byteLength(html),
    chipsRendered: chips.size,
    moreCounted: moreTotal,
    dayTotals,
    jobIdsInPayload: idsInPage.size,
  };

  const pageSettings = { ...ctx.settings, durationSec: pageLoad.durationSec };
  const http = await measure(
    baseUrl,
    { name: "calendar month", path: pagePath, headers: { cookie: session.sessionCookie }, connections: pageLoad.connections },
    pageSettings,
  );
  return {
    month,
    anchor,
    batchId,
    seeded: count,
    rowsReturned: inRange,
    detailRows: rows.length,
    truncated: inRange < count,
    daysInMonth: monthDays.size,
    daysWithJobsShown: shownDays.size,
    lastDayShown: rows.length ? dayKey(rows[rows.length - 1].runAt, ws.timezone) : null,
    inProcessMs: dist(samples),
    page,
    http,
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const cfg = {
    jobs: intEnv("BENCH_SCHED_JOBS", 3000),
    connections: intEnv("BENCH_SCHED_CONNECTIONS", ctx.settings.connections),
    lagJobs: intEnv("BENCH_SCHED_LAG_JOBS", 200),
    lagSpreadSec: intEnv("BENCH_SCHED_LAG_SPREAD", 20),
    calendarJobs: intEnv("BENCH_SCHED_CALENDAR_JOBS", 10_000),
    iterations: intEnv("BENCH_SCHED_ITERATIONS", 50),
    pageConnections: intEnv("BENCH_SCHED_PAGE_CONNECTIONS", 1),
    pageDurationSec: intEnv("BENCH_SCHED_PAGE_DURATION", 30),
    race: process.env.BENCH_SCHED_RACE !== "0",
  };
  const loadBefore = os.loadavg().map(r2);
  const prepared = await prepareApp(ctx.root);
  const db = await openDb(prepared);
  const ws = await benchWorkspace(db, prepared.slug, benchUser.email);
  const { signingKeys } = await import("@/lib/jobs/signing-keys");
  const { getEnv } = await import("@/lib/env");
  const key = signingKeys().current;
  const appUrl = getEnv().appUrl;
  console.log(`bench: config ${JSON.stringify(cfg)}; ${ws.accountIds.length} sandbox accounts; server appUrl ${appUrl}`);

  const alone = await webhookAlone(ctx, prepared, db, ws, key, cfg.jobs, cfg.connections);
  const app = await startApp(prepared);
  let lag, race, cal;
  try {
    lag = await dispatcherLag(db, ws, cfg.lagJobs, cfg.lagSpreadSec);
    race = cfg.race ? await webhookRacing(db, ws, key, appUrl, app.baseUrl, cfg.jobs, cfg.connections) : null;
    cal = await calendar(ctx, prepared, db, ws, app.baseUrl, cfg.calendarJobs, cfg.iterations, {
      connections: cfg.pageConnections,
      durationSec: cfg.pageDurationSec,
    });
  } finally {
    await app.stop();
  }

  const once = (c: { ok: boolean; publishedOnce: number; jobs: number; duplicated: number }) =>
    `${c.ok ? "ok" : "FAIL"} once ${c.publishedOnce}/${c.jobs}, dup ${c.duplicated}`;
  const nonOk = (r: typeof alone.run) =>
    r.errors +
    r.timeouts +
    Object.entries(r.statusCounts)
      .filter(([code]) => code !== "200")
      .reduce((s, [, n]) => s + n, 0);
  const rows: Row[] = [
    {
      metric: "webhook alone (dispatcher muted)",
      n: alone.run.requests,
      rate: `${alone.jobsPerSec} jobs/s`,
      ...alone.run.latencyMs,
      errors: nonOk(alone.run),
      check: `${once(alone.check)}; server CPU ${alone.serverCpuMsPerJob ?? "?"} ms/job`,
      target: ">= 300 jobs/s",
      met: alone.jobsPerSec >= 300 && alone.check.ok ? "yes" : "NO",
    },
    ...(race
      ? [
          {
            metric: "webhook + dispatcher racing",
            n: race.run.requests,
            rate: `${race.jobsPerSec} jobs/s`,
            ...race.run.latencyMs,
            errors: nonOk(race.run),
            check: once(race.check),
            target: "exactly once",
            met: race.check.ok ? "yes" : "NO",
          },
        ]
      : []),
    {
      metric: "dispatcher lag run_at→claimed_at",
      rate: "-",
      ...lag.claimLagMs,
      errors: lag.pending,
      check: once(lag.check),
      target: "-",
      met: "-",
    },
    {
      metric: "dispatcher lag run_at→finished_at",
      rate: "-",
      ...lag.finishLagMs,
      errors: lag.pending,
      check: once(lag.check),
      target: "p95 < 1000 ms",
      met: lag.finishLagMs.p95 < 1000 && lag.pending === 0 ? "yes" : "NO",
    },
    {
      metric: `calendar month page (${cal.seeded} jobs, ${cal.http.connections} conn)`,
      n: cal.http.responses,
      rate: `${cal.http.reqPerSec.mean} req/s`,
      p50: cal.http.latencyMs.p50,
      p95: cal.http.latencyMs.p95,
      p99: cal.http.latencyMs.p99,
      max: cal.http.latencyMs.max,
      errors: cal.http.errors + cal.http.nonSuccess,
      check: `day totals ${cal.page.dayTotals}, ${cal.page.jobIdsInPayload} job ids in page`,
      target: "report",
      met: cal.page.dayTotals < cal.seeded ? "INCOMPLETE" : "-",
    },
    {
      metric: "monthSummary month (in-process)",
      rate: "-",
      ...cal.inProcessMs,
      errors: 0,
      check: `${cal.rowsReturned}/${cal.seeded} counted, ${cal.detailRows} detail rows`,
      target: "report",
      met: cal.truncated ? "INCOMPLETE" : "-",
    },
  ];
  const loadAfter = os.loadavg().map(r2);
  const notes = [
    `load average (1/5/15 min) before ${loadBefore.join("/")}, after ${loadAfter.join("/")} on ${ctx.machine.cpus} CPUs: other work on the machine depresses every figure`,
    `webhook alone: server APP_URL=${alone.mutedAppUrl} (closed port) so the embedded dispatcher cannot deliver; deliveries are signed for that URL and sent to the real port`,
    "errors column: transport errors + timeouts + non-200 answers (webhook rows); jobs still pending at the deadline (lag rows)",
    "lag rows: milliseconds; the dispatcher polls every 250 ms",
    `calendar: ${cal.seeded} jobs in ${cal.month}; monthSummary counted ${cal.rowsReturned} (no cap; details for the first 3 jobs of each day): days with jobs counted ${cal.daysWithJobsShown}/${cal.daysInMonth}, last day shown ${cal.lastDayShown}; page ${cal.page.bytes} bytes, ${cal.page.chipsRendered} chips + ${cal.page.moreCounted} in "more" counters`,
  ];
  console.log(`\nscheduling — ${ctx.machine.cpus} CPUs, ${ctx.machine.totalMemMiB} MiB, node ${ctx.machine.node}\n`);
  console.log(
    formatTable(
      [
        { title: "metric", align: "left" },
        { title: "n" },
        { title: "throughput" },
        { title: "p50 ms" },
        { title: "p95 ms" },
        { title: "p99 ms" },
        { title: "max ms" },
        { title: "errors" },
        { title: "check", align: "left" },
        { title: "target", align: "left" },
        { title: "met", align: "left" },
      ],
      rows.map((r) => [
        r.metric,
        String(r.n),
        r.rate,
        r.p50.toFixed(2),
        r.p95.toFixed(2),
        r.p99.toFixed(2),
        r.max.toFixed(2),
        String(r.errors),
        r.check,
        r.target,
        r.met,
      ]),
    ),
  );
  for (const note of notes) console.log(`bench: note: ${note}`);
  const file = writeResults(ctx, "scheduling", {
    suite: name,
    config: cfg,
    workspaceSlug: prepared.slug,
    notes,
    rows,
    webhookAlone: alone,
    webhookRacing: race,
    dispatcherLag: lag,
    calendar: cal,
  });
  console.log(`\nbench: wrote ${path.relative(ctx.root, file)} (and scheduling-latest.json)`);
  db.$client.close();
}
