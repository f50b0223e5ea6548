/**
 * The hostile-input run as a process of its own (spawned by run-fuzz.ts): a native crash in
 * here (libSQL panics abort the process) must not take the test runner with it, and must still
 * be reported with the call that caused it. Env: see RunOptions in engine.ts.
 */
import "next/dist/server/node-environment-baseline"; // Next's AsyncLocalStorage, before any Next import
import { runFuzz } from "./engine";

const env = process.env;
runFuzz({
  seed: Number(env.FUZZ_SEED ?? 1),
  runs: Number(env.FUZZ_RUNS ?? 10),
  hugeRuns: Number(env.FUZZ_HUGE_RUNS ?? 1),
  skip: Number(env.FUZZ_SKIP ?? 0),
  only: env.FUZZ_ONLY ? new RegExp(env.FUZZ_ONLY) : undefined,
  eventsFile: env.FUZZ_EVENTS!,
  inflightFile: env.FUZZ_INFLIGHT!,
}).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
