/**
 * `npm run bench [-- suite ...]`: runs the named suites (all when none are named), in order.
 * A suite is bench/suites/<name>.ts exporting `async function run(ctx: BenchContext)`; add it
 * to `suites` below. Settings come from env: BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS,
 * BENCH_SIGNIN_CONNECTIONS, BENCH_PORT, BENCH_KEEP_DATA=1; the drafts suite also BENCH_DRAFTS, BENCH_ITERATIONS;
 * the scheduling suite BENCH_SCHED_* (see its header); maintenance-stall BENCH_STALL_COUNT, BENCH_STALL_MAX_SEC.
 */
import fs from "node:fs";
import path from "node:path";
import { runWithApps } from "./lib/app-server";
import { createContext, type BenchContext } from "./lib/context";

type Suite = { name: string; load: () => Promise<{ run: (ctx: BenchContext) => Promise<void> }> };

const suites: Suite[] = [
  { name: "foundation-http", load: () => import("./suites/foundation-http") },
  { name: "accounts-matrix", load: () => import("./suites/accounts-matrix") },
  { name: "competitors", load: () => import("./suites/competitors") },
  { name: "drafts", load: () => import("./suites/drafts") },
  { name: "memory", load: () => import("./suites/memory") },
  { name: "memory-http", load: () => import("./suites/memory-http") },
  { name: "scheduling", load: () => import("./suites/scheduling") },
  { name: "maintenance-stall", load: () => import("./suites/maintenance-stall") },
];

async function main(): Promise<number> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, "bench", "run.ts"))) throw new Error("bench: run from the repository root (npm run bench)");

  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
  if (unknown.length) {
    console.error(`bench: unknown suite(s): ${unknown.join(", ")}. Known: ${suites.map((s) => s.name).join(", ")}`);
    return 2;
  }
  const selected = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;

  const ctx = createContext(root);
  console.log(`bench: suites ${selected.map((s) => s.name).join(", ")}; settings ${JSON.stringify(ctx.settings)}`);
  for (const suite of selected) {
    console.log(`\n=== ${suite.name} ===`);
    const mod = await suite.load();
    await mod.run(ctx);
  }
  return 0;
}

runWithApps("bench", main);
