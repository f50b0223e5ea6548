/**
 * Account matrix suite: 100 accounts (8 demo + 92 imported over the API with groups, tags and
 * slots) with 90 days of history each (bench/lib/seed-matrix-stats.ts: ~18k finished jobs,
 * 9k own-account snapshots), then the matrix overview page, uncached (MATRIX_CACHE_SECONDS=0:
 * every request runs the aggregate queries) and cached (the default), with 10 connections and
 * with 1, against the static baseline. The page carries all 100 accounts; its HTML has the
 * first 30 rows and the browser renders the rest after hydration (components/accounts/matrix-view.tsx). Where the time goes: GET /api/v1/me (session + member
 * context only), GET /api/v1/accounts (the same data as JSON, no render), and the matrix
 * queries timed in-process (no HTTP, no render).
 * Writes bench/results/accounts-matrix-<timestamp>.json and accounts-matrix-latest.json.
 */
import path from "node:path";
import { prepareApp, signIn, startApp, type PreparedApp } from "../lib/app-server";
import type { BenchContext } from "../lib/context";
import { measure, percentile, type EndpointResult, type EndpointSpec } from "../lib/measure";
import { endpointTable, formatTable, writeResults } from "../lib/report";

export const name = "accounts-matrix";
const extra = 92;

function importCsv(): string {
  const groups = ["美妆护肤", "穿搭", "本地生活", "美食", "健身", "母婴"];
  const rows = Array.from({ length: extra }, (_, i) => {
    const g = `${groups[i % groups.length]}|批次${1 + Math.floor(i / 25)}`;
    return `矩阵号${String(i + 1).padStart(3, "0")},bench_acc_${i + 1},${g},标签${i % 7}|测试,${1 + (i % 3)},08:00|12:30|20:30`;
  });
  return ["name,redId,groups,tags,dailyPostCap,postingSlots", ...rows].join("\n");
}

/** Imports 92 accounts over the API (server running), then writes the history with the server stopped (one writer process at a time). */
async function seed(prepared: PreparedApp): Promise<{ workspaceId: string; cookie: string }> {
  const app = await startApp(prepared);
  let cookie: string;
  try {
    cookie = (await signIn(app.baseUrl)).sessionCookie;
    const headers = { cookie, "content-type": "application/json", origin: app.baseUrl };
    const imported = await fetch(`${app.baseUrl}/api/v1/accounts/import`, {
      method: "POST",
      headers,
      body: JSON.stringify({ csv: importCsv() }),
    });
    const body = (await imported.json()) as { imported?: number };
    if (imported.status !== 201 || body.imported !== extra)
      throw new Error(`bench: import answered ${imported.status} ${JSON.stringify(body).slice(0, 300)}`);
  } finally {
    await app.stop();
  }
  const { createDb } = await import("@/db/client");
  const { seedMatrixStats } = await import("../lib/seed-matrix-stats");
  const { workspaces } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const db = createDb(prepared.env.DATABASE_URL);
  try {
    const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, prepared.slug));
    const seeded = await seedMatrixStats(db, ws.id);
    console.log(`bench: seeded ${seeded.jobs} jobs and ${seeded.snapshots} snapshots for ${seeded.accounts} accounts`);
    return { workspaceId: ws.id, cookie };
  } finally {
    db.$client.close();
  }
}

/** The matrix queries alone, in this process: p50/p95 over `n` runs (no HTTP, auth or render). */
async function timeQueries(prepared: PreparedApp, workspaceId: string, n = 60) {
  const { createDb } = await import("@/db/client");
  const { loadMatrixData } = await import("@/lib/accounts/matrix-cache");
  const db = createDb(prepared.env.DATABASE_URL);
  try {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await loadMatrixData(db, workspaceId);
      times.push(performance.now() - t0);
    }
    const sorted = Float64Array.from(times).sort();
    return { runs: n, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  } finally {
    db.$client.close();
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const prepared = await prepareApp(ctx.root);
  const uncachedApp = { ...prepared, env: { ...prepared.env, MATRIX_CACHE_SECONDS: "0" } };
  const page = `/${prepared.slug}/accounts`;
  const results: EndpointResult[] = [];
  const { workspaceId, cookie } = await seed(prepared);

  const measureAll = async (app: PreparedApp, label: string, extraSpecs: (authed: Record<string, string>) => EndpointSpec[]) => {
    const running = await startApp(app);
    try {
      const list = (await (await fetch(`${running.baseUrl}/api/v1/accounts`, { headers: { cookie } })).json()) as {
        total: number;
        accounts: { stats: { followers: number | null } }[];
      };
      if (list.total !== 100) throw new Error(`bench: expected 100 accounts, the API lists ${list.total}`);
      if (!list.accounts.every((a) => a.stats.followers !== null)) throw new Error("bench: the matrix does not show the seeded followers");
      const authed = { cookie };
      for (const spec of extraSpecs(authed))
        results.push(await measure(running.baseUrl, { ...spec, name: `${spec.name}${label}` }, ctx.settings));
    } catch (error) {
      console.error(`bench: server log tail:\n${running.logTail()}`);
      throw error;
    } finally {
      await running.stop();
    }
  };

  await measureAll(uncachedApp, " uncached", (authed) => [
    { name: "baseline", path: "/robots.txt", note: "static file from public/, no app code" },
    { name: "auth only", path: "/api/v1/me", headers: authed, note: "session + member context, tiny JSON" },
    { name: "api accounts", path: "/api/v1/accounts", headers: authed, note: "matrix data as JSON: auth + queries, no render" },
    { name: "matrix page", path: page, headers: authed, note: "100 accounts in the page data, the first 30 rows in its HTML" },
    { name: "matrix page 1c", path: page, headers: authed, connections: 1, note: "same, one connection" },
    { name: "matrix cards", path: `${page}?view=cards`, headers: authed, note: "card grid of 100 accounts" },
  ]);
  await measureAll(prepared, " cached", (authed) => [
    { name: "api accounts", path: "/api/v1/accounts", headers: authed, note: "matrix data from the cache as JSON" },
    { name: "matrix page", path: page, headers: authed, note: "cached matrix data, page still rendered per request" },
    { name: "matrix page 1c", path: page, headers: authed, connections: 1, note: "same, one connection" },
    {
      name: "matrix filtered",
      path: `${page}?group=${encodeURIComponent("美食")}&sort=followers&dir=desc`,
      headers: authed,
      note: "group filter + followers sort",
    },
  ]);
  const queries = await timeQueries(prepared, workspaceId);

  console.log(
    `\naccounts-matrix — 100 accounts × 90 days, ${ctx.machine.cpus} CPUs, node ${ctx.machine.node}, ${ctx.settings.durationSec}s per endpoint\n`,
  );
  console.log(endpointTable(results, "baseline uncached"));
  console.log(
    `\n${formatTable([{ title: "matrix queries in-process", align: "left" }, { title: "runs" }, { title: "p50 ms" }, { title: "p95 ms" }], [["loadMatrixData (5 queries)", String(queries.runs), queries.p50.toFixed(2), queries.p95.toFixed(2)]])}`,
  );
  const file = writeResults(ctx, "accounts-matrix", {
    suite: name,
    accounts: 100,
    historyDays: 90,
    notes: [
      "uncached: server started with MATRIX_CACHE_SECONDS=0; cached: default (60 s, invalidated by every write)",
      "the machine is shared with other jobs: figures are noisy",
    ],
    queries,
    endpoints: results,
  });
  console.log(`\nbench: wrote ${path.relative(ctx.root, file)}`);
}
