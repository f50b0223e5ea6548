/**
 * Readiness: can this instance serve? Checks the database, the cache, the scheduler (a real probe:
 * lib/scheduling/scheduler-health.ts), with QStash its schedules (sweep, periodic webhooks), and
 * the media storage driver. Missing schedules are named but only make it "degraded". The cache is reported but not
 * required: without it pages load from the database (lib/cache/resilient-cache.ts), so a Redis
 * outage answers "degraded" with 200 rather than taking every instance out of the load balancer.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Cache } from "@/lib/cache";
import type { Env } from "@/lib/env";
import type { MediaStorage } from "@/lib/media/media-storage";
import { schedulerProbe, schedulesProbe } from "@/lib/scheduling/scheduler-health";

type Check = { name: string; ok: boolean; driver: string; detail?: string; ms: number };

/** Checks that may fail while the instance still serves correctly (slower). */
const optionalChecks = new Set(["cache", "schedules"]);

async function timed(name: string, driver: string, probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs).unref?.()),
    ]);
    return { name, driver, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, driver, ok: false, detail: (error as Error).message, ms: Math.round(performance.now() - started) };
  }
}

/** A key that never exists: reading it must answer "missing", which proves the bucket or directory is reachable. */
const mediaProbeKey = "readiness/probe.png";

export async function checkReadiness(
  db: Db,
  cache: Cache,
  env: Env,
  media: MediaStorage,
  scheduler: () => Promise<void> = schedulerProbe(env),
  schedules: (() => Promise<void>) | null = schedulesProbe(env),
) {
  const checks = await Promise.all([
    timed("database", env.database.isEmbedded ? "libsql-file" : "libsql-remote", () => db.run(sql`select 1`)),
    timed("cache", cache.driver, async () => {
      if (!(await cache.ping())) throw new Error("ping failed");
    }),
    timed("scheduler", env.scheduler.driver, scheduler),
    timed("media", media.driver, () => media.get(mediaProbeKey)),
    ...(schedules ? [timed("schedules", "qstash", schedules)] : []),
  ]);
  const ready = checks.every((c) => c.ok || optionalChecks.has(c.name));
  return { ready, degraded: ready && checks.some((c) => !c.ok), checks };
}
