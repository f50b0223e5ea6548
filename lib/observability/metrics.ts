/** Prometheus metrics (prom-client): one registry per process, served at /api/metrics. */
import client from "prom-client";

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<"route" | "method" | "status">;
  httpDuration: client.Histogram<"route" | "method">;
};

const globalForMetrics = globalThis as unknown as { redmatrixMetrics?: Metrics };

export function getMetrics(): Metrics {
  if (!globalForMetrics.redmatrixMetrics) {
    const registry = new client.Registry();
    client.collectDefaultMetrics({ register: registry });
    globalForMetrics.redmatrixMetrics = {
      registry,
      httpRequests: new client.Counter({
        name: "redmatrix_http_requests_total",
        help: "API requests by route, method and status",
        labelNames: ["route", "method", "status"],
        registers: [registry],
      }),
      httpDuration: new client.Histogram({
        name: "redmatrix_http_request_duration_seconds",
        help: "API request duration",
        labelNames: ["route", "method"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
    };
  }
  return globalForMetrics.redmatrixMetrics;
}

/** Route label without ids, so the label set stays small: /api/v1/members/mem_x -> /api/v1/members/:id */
export function routeLabel(pathname: string): string {
  return pathname.replace(/\/[a-z]+_[A-Za-z0-9_-]{8,}(?=\/|$)/g, "/:id");
}
