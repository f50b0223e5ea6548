/**
 * Output: an aligned text table for the terminal, and JSON result files in bench/results/
 * (`<kind>-<timestamp>.json` plus `<kind>-latest.json`; both gitignored).
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchContext } from "./context";
import type { EndpointResult } from "./measure";

export type Column = { title: string; align?: "left" | "right" };

/** Aligns cells into columns; text left, numbers right (by default). */
export function formatTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (text: string, i: number) => ((columns[i].align ?? "right") === "left" ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  const line = (cells: string[]) => cells.map(cell).join("  ").trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** The endpoint table, with throughput and median latency relative to the baseline row. */
export function endpointTable(results: EndpointResult[], baselineName: string): string {
  const base = results.find((r) => r.name === baselineName);
  const columns: Column[] = [
    { title: "name", align: "left" },
    { title: "conns" },
    { title: "responses" },
    { title: "req/s (mean)" },
    { title: "p50 ms" },
    { title: "p90 ms" },
    { title: "p95 ms" },
    { title: "p99 ms" },
    { title: "errors" },
    { title: "non-2xx/3xx" },
    { title: "failed checks" },
    { title: "req/s ratio (base÷row)" },
    { title: "p50 ratio (row÷base)" },
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.connections),
    String(r.responses),
    fmt(r.reqPerSec.mean, 1),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p90),
    fmt(r.latencyMs.p95),
    fmt(r.latencyMs.p99),
    String(r.errors),
    String(r.nonSuccess),
    r.failedChecks === null ? "-" : String(r.failedChecks),
    base && r.reqPerSec.mean > 0 ? `${fmt(base.reqPerSec.mean / r.reqPerSec.mean)}×` : "-",
    base && base.latencyMs.p50 > 0 ? `${fmt(r.latencyMs.p50 / base.latencyMs.p50)}×` : "-",
  ]);
  return formatTable(columns, rows);
}

/** Writes `<kind>-<timestamp>.json` and `<kind>-latest.json`; returns the timestamped path. */
export function writeResults(ctx: BenchContext, kind: string, data: Record<string, unknown>): string {
  fs.mkdirSync(ctx.resultsDir, { recursive: true });
  const stamp = ctx.startedAt.toISOString().replace(/[:.]/g, "-");
  const payload = {
    kind,
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: ctx.machine,
    settings: ctx.settings,
    ...data,
  };
  const json = `${JSON.stringify(payload, null, 2)}\n`;
  const file = path.join(ctx.resultsDir, `${kind}-${stamp}.json`);
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(ctx.resultsDir, `${kind}-latest.json`), json);
  return file;
}
