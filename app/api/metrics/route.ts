/** Prometheus scrape endpoint: counts and latencies only, no personal data; token or allowed address (metrics-access.ts). */
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/next/error-response";
import { clientIp, localeOf, requestIdOf } from "@/lib/next/request-info";
import { mayReadMetrics } from "@/lib/observability/metrics-access";
import { getMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  if (!mayReadMetrics(getEnv().metrics, { authorization: req.headers.get("authorization"), clientIp: clientIp(req.headers) })) {
    return errorResponse(new AppError("UNAUTHENTICATED"), localeOf(req.headers), requestIdOf(req.headers));
  }
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
