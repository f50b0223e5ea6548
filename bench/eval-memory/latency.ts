/**
 * Search latency of the eval's own questions over HTTP: autocannon with `clients` connections
 * sends each distinct question once (hybrid, k 10, limited to its conversation) to
 * POST /api/v1/memories/search. A write just before makes every one a cache miss (the memory
 * cache is keyed by a per-workspace generation that every write bumps), and warm-up requests use
 * k 9 so they never pre-fill a measured key. Reports nearest-rank p50/p95/p99 over every response,
 * the server's CPU time per search (/proc, all threads), the load average, and GET /api/health
 * with the same clients as the static baseline in the same run.
 */
import os from "node:os";
import autocannon from "autocannon";
import type { RunningApp } from "../lib/app-server";
import { percentile } from "../lib/measure";
import type { MemoryApi } from "./memory-api";
import { labelForConversation, type SearchBody } from "./scope";

export type LatencySummary = { requests: number; p50Ms: number; p95Ms: number; p99Ms: number; reqPerSec: number };
export type SearchLatency = LatencySummary & {
  clients: number;
  serverCpuMsPerSearch: number | null;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  baselineHealth: LatencySummary;
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function run(
  url: string,
  clients: number,
  requests: { method: "GET" | "POST"; headers?: Record<string, string>; bodies?: string[]; amount: number },
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const bodies = requests.bodies;
  const result = await autocannon({
    url,
    connections: clients,
    amount: requests.amount,
    method: requests.method,
    headers: requests.headers,
    timeout: 60,
    requests: bodies ? [{ method: requests.method, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }] : undefined,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, ms: number) => latencies.push(ms));
    },
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`eval: ${failed} of ${requests.amount} requests to ${url} failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    reqPerSec: round(sorted.length / Math.max(0.001, (result.finish.getTime() - result.start.getTime()) / 1000)),
  };
}

export async function measureSearchLatency(
  app: RunningApp,
  api: MemoryApi,
  sessionCookie: string,
  searches: readonly SearchBody[],
  clients = 10,
): Promise<SearchLatency> {
  const unique = [...new Set(searches.map((s) => JSON.stringify(s)))];
  const headers = { cookie: sessionCookie, "content-type": "application/json" };
  for (const body of unique.slice(0, 20)) await api.search({ ...(JSON.parse(body) as SearchBody), k: 9 }); // warm-up, other cache keys
  await api.create(
    labelForConversation({ content: "latency probe", type: "long_term", privacy: "workspace", tags: [], metadata: {} }, "latency-probe"),
  ); // a write: every cached search is stale now

  const baselineHealth = await run(`${app.baseUrl}/api/health`, clients, { method: "GET", amount: Math.max(200, unique.length) });
  const loadAverageBefore = os.loadavg().map((x) => round(x, 2));
  const cpuBefore = app.cpuMs();
  const search = await run(`${app.baseUrl}/api/v1/memories/search`, clients, {
    method: "POST",
    headers,
    bodies: unique,
    amount: unique.length,
  });
  const cpuAfter = app.cpuMs();
  return {
    ...search,
    clients,
    serverCpuMsPerSearch: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / search.requests, 2),
    loadAverageBefore,
    loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
    baselineHealth,
  };
}
