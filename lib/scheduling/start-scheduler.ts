/**
 * Called once per server process (instrumentation.ts). Embedded: start the dispatcher that
 * calls our own webhooks, and the periodic ones. QStash: make sure the 5-minute sweep schedule
 * and the periodic schedules exist.
 */
import { Client } from "@upstash/qstash";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { startEmbeddedDispatcher } from "./embedded-dispatcher";
import { sweepWebhookPath } from "./handle-maintenance-webhooks";
import { periodicWebhooks, startPeriodicWebhooks } from "./periodic-webhooks";
import { signingKeys } from "./signing-keys";

const globalForScheduler = globalThis as unknown as { redmatrixSchedulerStarted?: boolean };

export async function startScheduler(): Promise<void> {
  if (globalForScheduler.redmatrixSchedulerStarted) return;
  globalForScheduler.redmatrixSchedulerStarted = true;
  const env = getEnv();
  const log = getLogger();
  if (env.scheduler.driver === "embedded") {
    startEmbeddedDispatcher({ db: getDb(), appUrl: env.appUrl, signingKey: signingKeys().current, onError: (err) => log.warn({ err }, "dispatcher delivery failed") });
    startPeriodicWebhooks({ appUrl: env.appUrl, signingKey: signingKeys().current, onError: (err) => log.warn({ err }, "periodic webhook delivery failed") });
    return;
  }
  const client = new Client({ token: env.scheduler.token, ...(env.scheduler.baseUrl ? { baseUrl: env.scheduler.baseUrl } : {}) });
  await client.schedules
    .create({ scheduleId: "redmatrix-sweep", destination: `${env.appUrl}${sweepWebhookPath}`, cron: "*/5 * * * *", body: "{}" })
    .catch((err) => log.error({ err }, "could not create the QStash sweep schedule"));
  for (const w of periodicWebhooks) {
    await client.schedules
      .create({ scheduleId: w.scheduleId, destination: `${env.appUrl}${w.path}`, cron: w.cron, body: "{}" })
      .catch((err) => log.error({ err, scheduleId: w.scheduleId }, "could not create a QStash schedule"));
  }
}
