/**
 * Runs the hostile-input child process and collects what it reports. When the child dies
 * (signal or abort), the call in flight is recorded as a crash of that target, and a new child
 * carries on from the next target against a fresh database (the old one may hold the value
 * that crashes every reader), so one crash does not hide the rest.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Failure, TargetResult } from "./engine";

export type Crash = { target: string; input: string; exit: string; stderr: string; index: number };
export type FuzzReport = {
  targets?: { ids: string[]; routes: number; actions: number };
  results: TargetResult[];
  crashes: Crash[];
  end?: { health: number; drafts: number; targets: number };
  ms: number;
  databases: string[];
};
export type FuzzConfig = {
  seed: number;
  runs: number;
  hugeRuns: number;
  only?: string;
  maxRestarts?: number;
  dataDir?: string;
  timeoutMs?: number;
};

const root = path.resolve(__dirname, "../../..");

export async function runFuzzChild(config: FuzzConfig): Promise<FuzzReport> {
  const started = performance.now();
  const dir = config.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "redmatrix-fuzz-"));
  const report: FuzzReport = { results: [], crashes: [], ms: 0, databases: [] };
  let skip = 0;
  for (let attempt = 0; attempt <= (config.maxRestarts ?? 3); attempt++) {
    const events = path.join(dir, `events-${attempt}.jsonl`);
    const inflight = path.join(dir, `inflight-${attempt}.json`);
    const database = path.join(dir, `fuzz-${attempt}.db`);
    report.databases.push(database);
    const { code, signal, stderr } = await runChild(
      {
        ...process.env,
        DATABASE_URL: `file:${database}`,
        DATA_DIR: dir,
        FUZZ_SEED: String(config.seed),
        FUZZ_RUNS: String(config.runs),
        FUZZ_HUGE_RUNS: String(config.hugeRuns),
        FUZZ_SKIP: String(skip),
        FUZZ_ONLY: config.only ?? "",
        FUZZ_EVENTS: events,
        FUZZ_INFLIGHT: inflight,
      },
      config.timeoutMs ?? 600_000,
    );
    let last = skip - 1;
    for (const line of fs.existsSync(events) ? fs.readFileSync(events, "utf8").split("\n") : []) {
      if (!line) continue;
      const event = JSON.parse(line);
      if (event.type === "target") {
        report.results.push(event);
        last = event.index;
      } else if (event.type === "end") report.end = event;
      else if (event.type === "targets") report.targets = event;
    }
    if (code === 0 && report.end) break;
    const during = fs.existsSync(inflight)
      ? JSON.parse(fs.readFileSync(inflight, "utf8"))
      : { target: "(before the first call)", input: "" };
    report.crashes.push({
      target: during.target,
      input: during.input,
      exit: signal ? `signal ${signal}` : `exit code ${code}`,
      stderr: stderr.slice(-2_000),
      index: last + 1,
    });
    skip = last + 2; // the target that crashed is done: carry on after it
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

function runChild(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/fuzz/child.ts"], {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + String(d)).slice(-20_000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

export function allFailures(report: FuzzReport): Failure[] {
  return report.results.flatMap((r) => r.failures);
}
