/**
 * Does long maintenance stall the server? BENCH_STALL_COUNT short-term memories (default 10,000)
 * in the bench workspace of a real `next start`; then, one client each, GET /api/health (every
 * 50 ms) and POST /api/v1/memories/search (distinct queries, back to back) for BENCH_DURATION
 * seconds with nothing else running (baseline), and again while POST /api/v1/memories/compress
 * runs over all of them (until it answers, or BENCH_STALL_MAX_SEC, default 300). A third client
 * polls GET /api/v1/memories/runs for the run's progress. Reports p50/p95/max of each, the ratio
 * of p95 to the baseline, the server's CPU time per wall second, and the compress result.
 * Target (issue #13): p95 of both under 200 ms while compress runs. Writes maintenance-stall-*.json.
 */
import http from "node:http";
import type { BenchContext } from "../lib/context";
import { benchUser, prepareApp, signIn, startApp, type RunningApp } from "../lib/app-server";
import { bulkInsertMemories } from "../lib/memory-bulk";
import { formatTable, writeResults } from "../lib/report";
import { syntheticQuery } from "../lib/synthetic-memories";
import { seededRandom } from "@/lib/random/seeded-random";

export const name = "maintenance-stall";

const nearestRank = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Stats = { n: number; p50: number; p95: number; max: number };
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: nearestRank(s, 50), p95: nearestRank(s, 95), max: s.at(-1) ?? NaN };
};

/** A POST without fetch's 300 s headers timeout (compress over 10,000 memories can take minutes). */
function longPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || "{}") as Record<string, unknown> }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

type Window = { health: Stats; search: Stats; seconds: number; serverCpuMsPerSec: number | null };

/** Health and search clients until `until()` says stop; samples are request round trips in ms. */
async function measure(app: RunningApp, headers: Record<string, string>, queries: string[], until: () => boolean): Promise<Window> {
  const health: number[] = [];
  const search: number[] = [];
  const cpu0 = app.cpuMs();
  const t0 = performance.now();
  let q = 0;
  await Promise.all([
    (async () => {
      while (!until()) {
        const t = performance.now();
        const res = await fetch(`${app.baseUrl}/api/health`);
        await res.arrayBuffer();
        health.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`bench: /api/health answered ${res.status}`);
        await sleep(50);
      }
    })(),
    (async () => {
      while (!until()) {
        const t = performance.now();
        const res = await fetch(`${app.baseUrl}/api/v1/memories/search`, {
          method: "POST",
          headers,
          body: JSON.stringify({ query: queries[q++ % queries.length], k: 10 }),
        });
        const json = (await res.json()) as { hits?: unknown[] };
        search.push(performance.now() - t);
        if (res.status !== 200 || !Array.isArray(json.hits)) throw new Error(`bench: search answered ${res.status}`);
      }
    })(),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = app.cpuMs();
  return {
    health: stats(health),
    search: stats(search),
    seconds,
    serverCpuMsPerSec: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / seconds : null,
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const count = Math.max(2, Number(process.env.BENCH_STALL_COUNT ?? 10_000));
  const maxSec = Math.max(10, Number(process.env.BENCH_STALL_MAX_SEC ?? 300));
  const prepared = await prepareApp(ctx.root);
  const { createDb } = await import("@/db/client");
  const { eq } = await import("drizzle-orm");
  const { users, members } = await import("@/db/schema");
  const db = createDb(prepared.env.DATABASE_URL);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, benchUser.email));
  const [member] = await db.select({ workspaceId: members.workspaceId }).from(members).where(eq(members.userId, user.id));
  console.log(`bench: seeding ${count} short-term memories …`);
  await bulkInsertMemories(db, { workspaceId: member.workspaceId, userId: user.id }, 0, count, "short_term", seededRandom(42));
  db.$client.close();

  const rand = seededRandom(11);
  const queries = Array.from({ length: 5_000 }, (_, i) => `${syntheticQuery(rand)} ${i}`);
  const app = await startApp(prepared);
  const results: Record<string, unknown> = { count };
  let baseline: Window;
  let during: Window;
  let compress: { status: number; seconds: number; body: Record<string, unknown> } | null = null;
  const progressSeen: string[] = [];
  try {
    const session = await signIn(app.baseUrl);
    const headers = { cookie: session.sessionCookie, "content-type": "application/json" };
    for (let i = 0; i < 20; i++)
      await fetch(`${app.baseUrl}/api/v1/memories/search`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: `warm ${i}`, k: 10 }),
      });

    const baseEnd = performance.now() + ctx.settings.durationSec * 1000;
    baseline = await measure(app, headers, queries, () => performance.now() >= baseEnd);

    console.log(`bench: compress over ${count} memories, measuring meanwhile (at most ${maxSec} s) …`);
    const started = performance.now();
    let finished = false;
    const compressing = longPost(`${app.baseUrl}/api/v1/memories/compress`, headers, JSON.stringify({ scope: "mine" }))
      .then((res) => {
        compress = { status: res.status, seconds: (performance.now() - started) / 1000, body: res.json };
      })
      .finally(() => (finished = true));
    const deadline = started + maxSec * 1000;
    const poller = (async () => {
      while (!finished && performance.now() < deadline) {
        await sleep(2_000);
        const res = await fetch(`${app.baseUrl}/api/v1/memories/runs`, { headers });
        const { runs } = (await res.json()) as { runs: { kind: string; status: string; phase: string; done: number; total: number }[] };
        const r = runs.find((x) => x.kind === "compress" && x.status === "running");
        if (r) progressSeen.push(`${r.phase} ${r.done}/${r.total}`);
      }
    })();
    during = await measure(app, headers, queries, () => finished || performance.now() >= deadline);
    await poller;
    if (!finished) console.log("bench: stopped measuring; waiting for compress to finish …");
    await compressing;
  } finally {
    await app.stop();
  }
  const c = compress as { status: number; seconds: number; body: Record<string, unknown> } | null;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const fmt = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)} ms`;
  const cpu = (w: Window) => (w.serverCpuMsPerSec === null ? "n/a" : `${Math.round(w.serverCpuMsPerSec)} ms/s`);
  console.log(`\nmaintenance-stall — ${ctx.machine.cpus} CPUs, node ${ctx.machine.node}; ${count} memories\n`);
  console.log(
    formatTable(
      [
        { title: "measure", align: "left" },
        { title: "n" },
        { title: "p50 / p95 / max" },
        { title: "p95 vs baseline" },
        { title: "server CPU" },
      ],
      [
        ["GET /api/health, idle", `${baseline.health.n}`, fmt(baseline.health), "1.00×", cpu(baseline)],
        [
          "GET /api/health, during compress",
          `${during.health.n}`,
          fmt(during.health),
          ratio(during.health.p95, baseline.health.p95),
          cpu(during),
        ],
        ["POST /api/v1/memories/search, idle", `${baseline.search.n}`, fmt(baseline.search), "1.00×", ""],
        [
          "POST /api/v1/memories/search, during compress",
          `${during.search.n}`,
          fmt(during.search),
          ratio(during.search.p95, baseline.search.p95),
          "",
        ],
      ],
    ),
  );
  console.log(
    `compress: HTTP ${c?.status}, ${c?.seconds.toFixed(1)} s, clusters ${String(c?.body.clusters)}, merged ${String(c?.body.merged)}; progress seen ${progressSeen.length}× (last: ${progressSeen.at(-1) ?? "none"})`,
  );
  const target = during.health.p95 < 200 && during.search.p95 < 200;
  console.log(`target p95 < 200 ms during compress: ${target ? "met" : "NOT met"}`);
  Object.assign(results, {
    baseline,
    during,
    healthP95Ratio: during.health.p95 / baseline.health.p95,
    searchP95Ratio: during.search.p95 / baseline.search.p95,
    compress: c && {
      status: c.status,
      seconds: c.seconds,
      clusters: c.body.clusters,
      merged: c.body.merged,
      summarizedByModel: c.body.summarizedByModel,
    },
    progressSamples: progressSeen.length,
    lastProgress: progressSeen.at(-1) ?? null,
    targetMet: target,
  });
  console.log(`results: ${writeResults(ctx, "maintenance-stall", results)}`);
}
