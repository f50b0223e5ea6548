/**
 * The long hostile-input run: the same properties as tests/integration/hostile-input-fuzz.test.ts
 * with more runs, printing failures by route. Env: FUZZ_RUNS (default 200), FUZZ_HUGE_RUNS (5),
 * FUZZ_SEED (random, printed), FUZZ_ONLY (a regex over target ids, e.g. "drafts").
 *   npx tsx bench/fuzz-api.ts
 */
import { crashTable, failureTable } from "../tests/support/fuzz/report";
import { allFailures, runFuzzChild } from "../tests/support/fuzz/run-fuzz";

async function main() {
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const runs = Number(process.env.FUZZ_RUNS ?? 200);
  const hugeRuns = Number(process.env.FUZZ_HUGE_RUNS ?? 5);
  process.env.AUTH_SECRET ??= "fuzz-bench-secret-fuzz-bench-secret-fuzz";
  process.env.LOG_LEVEL ??= "silent";
  console.log(
    `fuzz: seed ${seed}, ${runs} runs per target (+${hugeRuns} huge)${process.env.FUZZ_ONLY ? `, only ${process.env.FUZZ_ONLY}` : ""}`,
  );
  const report = await runFuzzChild({ seed, runs, hugeRuns, only: process.env.FUZZ_ONLY, maxRestarts: 20, timeoutMs: 6 * 3600_000 });
  const calls = report.results.reduce((n, r) => n + r.calls, 0);
  const failures = allFailures(report);
  console.log(
    `\n${report.results.length} targets, ${calls} calls, ${Math.round(report.ms / 1000)} s; data in ${report.databases[0].replace(/\/[^/]+$/, "")}`,
  );
  console.log("\ntarget".padEnd(58), "calls".padStart(7), "failures".padStart(9));
  for (const r of report.results.filter((x) => x.failures.length))
    console.log(r.id.padEnd(57), String(r.calls).padStart(7), String(r.failures.length).padStart(9));
  if (report.crashes.length) console.log(`\nCRASHES\n${crashTable(report.crashes)}`);
  if (failures.length) console.log(`\nFAILURES\n${failureTable(failures)}`);
  console.log(
    `\n${report.end ? `health after the run: ${report.end.health}` : "the last child did not finish"}; rerun with FUZZ_SEED=${seed}`,
  );
  process.exit(failures.length || report.crashes.length ? 1 : 0);
}

void main();
