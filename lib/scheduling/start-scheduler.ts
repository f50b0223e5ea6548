/**
 * Called once per server process (instrumentation.ts). Embedded: start the dispatcher that
 * calls our own webhooks. QStash: make sure the 5-minute sweep schedule and the periodic
 * webhooks' schedules exist, and keep trying in the background while QStash cannot be reached
 * (qstash-schedules.ts); readiness reports any still missing.
 */
import { getDb } from "@/lib/database";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { startEmbeddedDispatcher } from "./embedded-dispatcher";
import { keepSchedules } from "./qstash-schedules";
import { signingKeys } from "@/lib/jobs/signing-keys";

const globalForScheduler = globalThis as unknown as { redmatrixSchedulerStarted?: boolean };

export async function startScheduler(): Promise<void> {
  if (globalForScheduler.redmatrixSchedulerStarted) return;
  globalForScheduler.redmatrixSchedulerStarted = true;
  const env = getEnv();
  const log = getLogger();
  if (env.scheduler.driver === "embedded") {
    startEmbeddedDispatcher({
      db: getDb(),
      appUrl: env.appUrl,
      signingKey: signingKeys().current,
      onError: (err) => log.warn({ err }, "dispatcher delivery failed"),
    });
    return;
  }
  const missing = await keepSchedules(env.scheduler, env.appUrl, { minGapMs: 0 });
  if (missing.length) log.error({ missing }, "QStash schedules missing at start: retrying in the background, /api/ready lists them");
}
