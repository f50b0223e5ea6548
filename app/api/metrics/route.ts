/** Prometheus scrape endpoint: counts and latencies only, no personal data. */
import { getMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export async function GET() {
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
