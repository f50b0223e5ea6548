/**
 * Property-based hostile input (issue #13) against every API route on disk and every server
 * action: lone surrogates, NUL, bidi and zero-width marks, 1 MB strings, extreme numbers, deep
 * nesting, 10k-item arrays, prototype-pollution keys, wrong types, broken query escapes, and
 * ids from another workspace. Invariants: no 5xx and every error is the envelope with a code;
 * actions never throw and fail with a code (never INTERNAL), and refuse a foreign Origin;
 * stored values read back cleanly; the process survives and /api/health answers.
 *
 * The run happens in a child process (tests/support/fuzz/child.ts) against this file's data
 * directory: a native panic aborts the whole process, and here it becomes a failing test naming
 * the call in flight instead of a dead worker. Fixed seed and bounded runs; `npm run
 * bench:fuzz` runs longer (FUZZ_RUNS, FUZZ_SEED).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Failure } from "../support/fuzz/engine";
import { crashTable, failureTable } from "../support/fuzz/report";
import { runFuzzChild, type FuzzReport } from "../support/fuzz/run-fuzz";

const seed = 13_2026;
let report: FuzzReport;
const failuresWhere = (keep: (f: Failure) => boolean) => report.results.flatMap((r) => r.failures).filter(keep);
const isAction = (f: Failure) => !f.target.includes(" ") || f.target.endsWith("(foreign Origin)");

describe("hostile input against every route and server action", () => {
  beforeAll(async () => {
    report = await runFuzzChild({ seed, runs: 8, hugeRuns: 1, dataDir: process.env.DATA_DIR, maxRestarts: 4, timeoutMs: 200_000 });
  }, 240_000);

  it("enumerates every route file's methods and every action module's exports, and gets through all of them", () => {
    expect(report.targets, "the child never listed its targets").toBeDefined();
    expect(report.targets!.routes).toBeGreaterThanOrEqual(90);
    expect(report.targets!.actions).toBeGreaterThanOrEqual(40);
    const reached = new Set(report.results.map((r) => r.id));
    const crashedAt = new Set(report.crashes.map((c) => report.targets!.ids[c.index]));
    const missed = report.targets!.ids.filter((id) => !reached.has(id) && !crashedAt.has(id));
    expect(missed, "targets never run").toEqual([]);
  });

  it("keeps the process alive: no native crash, /api/health answers 200 and the database reads afterwards", () => {
    expect(report.crashes, `\n${crashTable(report.crashes)}\n`).toEqual([]);
    expect(report.end?.health).toBe(200);
    expect(report.end?.drafts).toBeGreaterThan(0);
  });

  it("answers no route call with a 5xx, and every 4xx with the error envelope and a code", () => {
    const failures = failuresWhere((f) => !isAction(f) && !f.check.startsWith("read back"));
    expect(failures, `\n${failureTable(failures)}\n`).toEqual([]);
  });

  it("reads stored hostile values back through every list, search, stats and export", () => {
    const failures = failuresWhere((f) => f.check.startsWith("read back"));
    expect(failures, `\n${failureTable(failures)}\n`).toEqual([]);
  });

  it("never lets a server action throw, answer INTERNAL or fail without a code", () => {
    const failures = failuresWhere((f) => isAction(f) && !f.target.endsWith("(foreign Origin)") && !f.check.startsWith("read back"));
    expect(failures, `\n${failureTable(failures)}\n`).toEqual([]);
  });

  it("refuses every server action called from a foreign Origin", () => {
    const failures = failuresWhere((f) => f.target.endsWith("(foreign Origin)"));
    expect(failures, `\n${failureTable(failures, 1)}\n`).toEqual([]);
  });
});
