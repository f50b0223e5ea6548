/** One log line and two metrics per API request, keyed by request id (secrets never logged). */
import type { NextRequest } from "next/server";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics, routeLabel } from "@/lib/observability/metrics";

export function observeRequest(req: NextRequest, response: Response, requestId: string, started: number): Response {
  const ms = performance.now() - started;
  const route = routeLabel(req.nextUrl.pathname);
  const metrics = getMetrics();
  metrics.httpRequests.inc({ route, method: req.method, status: String(response.status) });
  metrics.httpDuration.observe({ route, method: req.method }, ms / 1000);
  getLogger().info({ requestId, method: req.method, route, status: response.status, ms: Math.round(ms) }, "api request");
  return response;
}
