/**
 * Competitors suite (in-process, against a libSQL file like the embedded default):
 * - overview dashboard data (getOverview, last 30 days, all competitors) p50/p95/p99, uncached
 *   (cache version bumped before every call) and cached;
 * - the same for a 365-day range (weekly buckets);
 * - import of a MediaCrawler notes CSV: rows/s and memory (peak RSS / heap during the import).
 * Sizes from env: BENCH_COMPETITORS (200), BENCH_DAYS (730), BENCH_NOTE_SNAPSHOTS (500000),
 * BENCH_SNAPSHOTS_PER_NOTE (5), BENCH_IMPORT_ROWS (100000), BENCH_ITERATIONS (60).
 * Writes bench/results/competitors-<timestamp>.json and competitors-latest.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { BenchContext } from "../lib/context";
import { formatTable, writeResults } from "../lib/report";

export const name = "competitors";

function size(key: string, fallback: number): number {
  const raw = process.env[key];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${key} must be a positive number, got "${raw}"`);
  return Math.round(value);
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function run(ctx: BenchContext): Promise<void> {
  const sizes = {
    competitors: size("BENCH_COMPETITORS", 200),
    days: size("BENCH_DAYS", 730),
    noteSnapshots: size("BENCH_NOTE_SNAPSHOTS", 500_000),
    snapshotsPerNote: size("BENCH_SNAPSHOTS_PER_NOTE", 5),
  };
  const importRows = size("BENCH_IMPORT_ROWS", 100_000);
  const iterations = size("BENCH_ITERATIONS", 60);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-bench-competitors-"));
  // Before the app's modules read the environment (getEnv caches on first use).
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  process.env.LOG_LEVEL = "silent";
  delete process.env.UPSTASH_REDIS_REST_URL;

  const [
    { getDb },
    { migrateDb },
    { completeSetup },
    { loadWorkspaceContext },
    { getOverview },
    { resolveRange },
    { listSubjects },
    { invalidateAnalytics },
    { runImport },
    data,
  ] = await Promise.all([
    import("@/lib/database"),
    import("@/db/migrate"),
    import("@/lib/setup/complete-setup"),
    import("@/lib/auth/load-context"),
    import("@/lib/competitors/queries/overview"),
    import("@/lib/competitors/queries/range-params"),
    import("@/lib/competitors/queries/subject-names"),
    import("@/lib/competitors/cache/analytics-cache"),
    import("@/lib/competitors/import/run-import"),
    import("../lib/competitor-data"),
  ]);
  try {
    const db = getDb();
    await migrateDb(db);
    const setup = await completeSetup(db, {
      name: "Bench",
      email: "bench@example.com",
      password: "bench-password-1",
      workspaceName: "Bench",
      timezone: "Asia/Shanghai",
      locale: "zh-CN",
      loadDemo: false,
    });
    const admin = (await loadWorkspaceContext(db, { userId: setup.userId, workspace: { id: setup.workspaceId }, via: "session" }))!;

    console.log(`bench: generating ${sizes.competitors} competitors × ${sizes.days} days, ${sizes.noteSnapshots} note snapshots …`);
    const genStart = performance.now();
    const generated = await data.generateCompetitorData(db, setup.workspaceId, sizes);
    const generateSec = (performance.now() - genStart) / 1000;
    console.log(`bench: generated in ${generateSec.toFixed(1)} s (${generated.notes} notes)`);

    const ws = { workspaceId: setup.workspaceId, timezone: "Asia/Shanghai" };
    const subjects = await listSubjects(db, admin);
    const measure = async (label: string, query: Record<string, string>, cached: boolean) => {
      const range = resolveRange(query, ws.timezone);
      await getOverview(db, ws, subjects, range); // warm-up (statement cache, JIT)
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        if (!cached) await invalidateAnalytics(ws.workspaceId);
        const t = performance.now();
        await getOverview(db, ws, subjects, range);
        samples.push(performance.now() - t);
      }
      return { label, cached, range: `${range.from}..${range.to} (${range.granularity})`, ...percentiles(samples) };
    };
    const overview = [
      await measure("overview 30d", {}, false),
      await measure("overview 30d", {}, true),
      await measure("overview 365d", { from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10), g: "week" }, false),
      await measure("overview 365d", { from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10), g: "week" }, true),
    ];

    console.log(`bench: importing a ${importRows}-row MediaCrawler CSV (from a file, streaming) …`);
    const csvFile = path.join(dir, "import.csv");
    await pipeline(Readable.from(data.mediaCrawlerCsvLines(importRows)), fs.createWriteStream(csvFile));
    const csvBytes = fs.statSync(csvFile).size;
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    // Timers only fire when the import yields, so memory is also sampled at each progress point;
    // there a full GC first gives the live heap (what the import really holds, without garbage).
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    let peakLiveHeap = before.heapUsed;
    const sampler = setInterval(sample, 25);
    const t = performance.now();
    const importRun = await runImport(db, admin, {
      file: csvFile,
      fileName: "bench.csv",
      assign: { mode: "by_author", createMissing: true },
      onProgress: () => {
        sample();
        if (global.gc) {
          global.gc();
          peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
        }
      },
    });
    const importSec = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const importResult = {
      rows: importRows,
      fileMiB: mib(csvBytes),
      seconds: Math.round(importSec * 100) / 100,
      rowsPerSecond: Math.round(importRows / importSec),
      imported: importRun.importedRows,
      errors: importRun.errorCount,
      rssBeforeMiB: mib(before.rss),
      peakRssMiB: mib(peakRss),
      heapBeforeMiB: mib(before.heapUsed),
      peakHeapMiB: mib(peakHeap),
      peakLiveHeapMiB: global.gc ? mib(peakLiveHeap) : null,
    };

    console.log(`\ncompetitors — ${ctx.machine.cpus} CPUs, node ${ctx.machine.node}; ${JSON.stringify(sizes)}; ${iterations} iterations\n`);
    console.log(
      formatTable(
        [
          { title: "query", align: "left" },
          { title: "cache", align: "left" },
          { title: "range", align: "left" },
          { title: "p50 ms" },
          { title: "p95 ms" },
          { title: "p99 ms" },
          { title: "max ms" },
        ],
        overview.map((o) => [
          o.label,
          o.cached ? "cached" : "uncached",
          o.range,
          o.p50.toFixed(1),
          o.p95.toFixed(1),
          o.p99.toFixed(1),
          o.max.toFixed(1),
        ]),
      ),
    );
    console.log(
      `\nimport: ${importResult.rows} rows (${importResult.fileMiB} MiB) in ${importResult.seconds} s = ${importResult.rowsPerSecond} rows/s; ` +
        `RSS ${importResult.rssBeforeMiB} -> peak ${importResult.peakRssMiB} MiB, heap ${importResult.heapBeforeMiB} -> peak ${importResult.peakHeapMiB} MiB (live after GC at progress points: ${importResult.peakLiveHeapMiB === null ? "run with NODE_OPTIONS=--expose-gc" : `${importResult.peakLiveHeapMiB} MiB`}); ${importResult.imported} imported, ${importResult.errors} errors`,
    );
    const file = writeResults(ctx, "competitors", {
      suite: name,
      sizes,
      iterations,
      generateSec,
      notes: generated.notes,
      overview,
      import: importResult,
      targets: { overviewP95UncachedMs: 150, overviewP95CachedMs: 20 },
    });
    console.log(`\nbench: wrote ${path.relative(ctx.root, file)} (and competitors-latest.json)`);
  } finally {
    if (process.env.BENCH_KEEP_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
  }
}
