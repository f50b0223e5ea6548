/**
 * One endpoint, measured with autocannon: an unmeasured warm-up, then a fixed-duration run.
 * Besides autocannon's own summary it records every response's latency, so p50/p95/p99 are
 * exact (nearest-rank over all responses) rather than read off a coarse histogram, and it
 * can check every response (e.g. that a sign-in really signed in) through `check`.
 */
import autocannon from "autocannon";
import type { BenchSettings } from "./context";

export type EndpointSpec = {
  name: string;
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Defaults to settings.connections. */
  connections?: number;
  /** Statuses counted as success besides 2xx (autocannon counts 3xx as non-2xx). */
  acceptRedirects?: boolean;
  /** Per-response verification; a false answer counts as a failed check. */
  check?: (status: number, headers: autocannon.Headers) => boolean;
  note?: string;
};

export type EndpointResult = {
  name: string;
  method: string;
  path: string;
  connections: number;
  durationSec: number;
  note?: string;
  responses: number;
  reqPerSec: { mean: number; stddev: number; min: number; max: number };
  /** Exact, from every response's latency (ms). */
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p97_5: number; p99: number; max: number };
  /** autocannon's own latency summary (ms, HDR histogram), for reference. */
  autocannonLatency: autocannon.Histogram;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Responses that were neither 2xx nor (when redirects are accepted) 3xx. */
  nonSuccess: number;
  /** Responses that failed `check` (null: no check configured). */
  failedChecks: number | null;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

type RunStats = { latencies: number[]; failedChecks: number };

function runAutocannon(baseUrl: string, spec: EndpointSpec, connections: number, duration: number, stats: RunStats) {
  const check = spec.check;
  return autocannon({
    url: `${baseUrl}${spec.path}`,
    connections,
    duration,
    method: spec.method ?? "GET",
    headers: spec.headers,
    body: spec.body,
    timeout: 30,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, ms: number) => stats.latencies.push(ms));
    },
    requests: check
      ? [
          {
            onResponse: (status, _body, _ctx, headers) => {
              if (!check(status, headers)) stats.failedChecks++;
            },
          },
        ]
      : undefined,
  });
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function measure(baseUrl: string, spec: EndpointSpec, settings: BenchSettings): Promise<EndpointResult> {
  const connections = spec.connections ?? settings.connections;
  const method = spec.method ?? "GET";
  process.stdout.write(
    `bench: ${spec.name.padEnd(16)} ${method} ${spec.path} — ${connections} conn, warm-up ${settings.warmupSec}s, measure ${settings.durationSec}s … `,
  );
  await runAutocannon(baseUrl, spec, connections, settings.warmupSec, { latencies: [], failedChecks: 0 });

  const stats: RunStats = { latencies: [], failedChecks: 0 };
  const result = await runAutocannon(baseUrl, spec, connections, settings.durationSec, stats);
  const sorted = Float64Array.from(stats.latencies).sort();
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;

  const success = result["2xx"] + (spec.acceptRedirects ? result["3xx"] : 0);
  const answered = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));

  const out: EndpointResult = {
    name: spec.name,
    method,
    path: spec.path,
    connections,
    durationSec: result.duration,
    note: spec.note,
    responses: answered,
    reqPerSec: {
      mean: round(result.requests.mean),
      stddev: round(result.requests.stddev),
      min: result.requests.min,
      max: result.requests.max,
    },
    latencyMs: {
      mean: round(mean, 3),
      p50: round(percentile(sorted, 50), 3),
      p90: round(percentile(sorted, 90), 3),
      p95: round(percentile(sorted, 95), 3),
      p97_5: round(percentile(sorted, 97.5), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(sorted.length ? sorted[sorted.length - 1] : 0, 3),
    },
    autocannonLatency: result.latency,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    nonSuccess: answered - success,
    failedChecks: spec.check ? stats.failedChecks : null,
  };
  console.log(`${out.reqPerSec.mean} req/s, p50 ${out.latencyMs.p50} ms`);
  return out;
}
