/**
 * Fires QStash-signed deliveries at a webhook with autocannon: one distinct, pre-signed body
 * per request (signing happens before the clock starts, so the client's HMAC work is not in
 * the figure), a fixed number of requests, and every response's latency and `result` field.
 */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { percentile } from "./measure";

export type SignedDelivery = { body: string; signature: string };

/** Signs each payload for `signedUrl` (the URL the server verifies against, which may differ from where we send). */
export function signDeliveries(payloads: object[], signedUrl: string, key: string): SignedDelivery[] {
  return payloads.map((payload) => {
    const body = JSON.stringify(payload);
    return { body, signature: signQstashRequest({ url: signedUrl, body, key, ttlSeconds: 900 }) };
  });
}

export type DeliveryRun = {
  requests: number;
  connections: number;
  wallSec: number;
  /** Responses by the webhook's `result` field ("published", "skipped", …) or `status <code>`. */
  results: Record<string, number>;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Requests set up past the end of the list (autocannon may prepare one more per connection); re-sent the last body. */
  extra: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
};

const round = (n: number) => Math.round(n * 100) / 100;

export async function fireDeliveries(
  baseUrl: string,
  path: string,
  deliveries: SignedDelivery[],
  connections: number,
): Promise<DeliveryRun> {
  let next = 0;
  let extra = 0;
  const latencies: number[] = [];
  const results: Record<string, number> = {};
  const started = performance.now();
  const out = await autocannon({
    url: `${baseUrl}${path}`,
    connections,
    amount: deliveries.length,
    timeout: 30,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, ms: number) => latencies.push(ms));
    },
    requests: [
      {
        setupRequest: (req) => {
          const index = next++;
          if (index >= deliveries.length) extra++;
          const d = deliveries[Math.min(index, deliveries.length - 1)];
          return {
            ...req,
            method: "POST",
            path,
            headers: { "content-type": "application/json", "upstash-signature": d.signature },
            body: d.body,
          };
        },
        onResponse: (status, body) => {
          let key = `status ${status}`;
          try {
            const parsed = JSON.parse(body) as { result?: string };
            if (status === 200 && parsed.result) key = parsed.result;
          } catch {
            // not JSON: keep the status key
          }
          results[key] = (results[key] ?? 0) + 1;
        },
      },
    ],
  });
  const wallSec = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    connections,
    wallSec: round(wallSec),
    results,
    statusCounts: Object.fromEntries(Object.entries(out.statusCodeStats).map(([code, s]) => [code, s.count])),
    errors: out.errors,
    timeouts: out.timeouts,
    extra,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    },
  };
}
