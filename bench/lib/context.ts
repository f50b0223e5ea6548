/**
 * What every bench suite receives: repo root, settings (from env), machine info, and the
 * start time. A suite is a module exporting `async function run(ctx: BenchContext)`.
 */
import os from "node:os";
import path from "node:path";

export type BenchSettings = {
  /** Measured seconds per endpoint (BENCH_DURATION, default 10). */
  durationSec: number;
  /** Unmeasured warm-up seconds before each endpoint (BENCH_WARMUP, default 2). */
  warmupSec: number;
  /** Concurrent connections for ordinary endpoints (BENCH_CONNECTIONS, default 10). */
  connections: number;
  /** Connections for argon2id sign-in, slow by design (BENCH_SIGNIN_CONNECTIONS, default 4). */
  signInConnections: number;
};

export type MachineInfo = {
  platform: string;
  release: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  totalMemMiB: number;
  node: string;
};

export type BenchContext = {
  root: string;
  resultsDir: string;
  settings: BenchSettings;
  machine: MachineInfo;
  startedAt: Date;
};

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export function readSettings(): BenchSettings {
  return {
    durationSec: positiveNumber("BENCH_DURATION", 10),
    warmupSec: positiveNumber("BENCH_WARMUP", 2),
    connections: Math.round(positiveNumber("BENCH_CONNECTIONS", 10)),
    signInConnections: Math.round(positiveNumber("BENCH_SIGNIN_CONNECTIONS", 4)),
  };
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    totalMemMiB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
  };
}

export function createContext(root: string): BenchContext {
  return {
    root,
    resultsDir: path.join(root, "bench", "results"),
    settings: readSettings(),
    machine: machineInfo(),
    startedAt: new Date(),
  };
}
