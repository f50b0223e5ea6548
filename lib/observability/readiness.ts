/** Readiness: can this instance serve? Checks the database, the cache, the scheduler and the media storage driver. */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Cache } from "@/lib/cache";
import type { Env } from "@/lib/env";
import type { MediaStorage } from "@/lib/media/media-storage";

type Check = { name: string; ok: boolean; driver: string; detail?: string; ms: number };

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

export async function checkReadiness(db: Db, cache: Cache, env: Env, media: MediaStorage) {
  const checks = await Promise.all([
    timed("database", env.database.isEmbedded ? "libsql-file" : "libsql-remote", () => db.run(sql`select 1`)),
    timed("cache", cache.driver, async () => {
      if (!(await cache.ping())) throw new Error("ping failed");
    }),
    // The scheduler drivers arrive with scheduling; the embedded one lives in this process.
    timed("scheduler", env.scheduler.driver, async () => undefined),
    timed("media", media.driver, () => media.get(mediaProbeKey)),
  ]);
  return { ready: checks.every((c) => c.ok), checks };
}
