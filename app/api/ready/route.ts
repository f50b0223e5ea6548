import { getDb } from "@/lib/database";
import { getCache } from "@/lib/cache";
import { getEnv } from "@/lib/env";
import { getMediaStorage } from "@/lib/media/media-storage";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, degraded, checks } = await checkReadiness(getDb(), getCache(), getEnv(), getMediaStorage());
  const down = checks.filter((c) => !c.ok).map((c) => c.name);
  return Response.json({ status: ready ? (degraded ? "degraded" : "ready") : "unavailable", down, checks }, { status: ready ? 200 : 503 });
}
