/**
 * Called once per server process (instrumentation.ts). Embedded: start the dispatcher that
 * calls our own webhooks. QStash: make sure the 5-minute sweep schedule and the periodic
 * webhooks' schedules (account health) exist.
 */
import { Client } from "@upstash/qstash";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { startEmbeddedDispatcher } from "./embedded-dispatcher";
import { sweepWebhookPath } from "./handle-maintenance-webhooks";
import { periodicWebhooks } from "./periodic-webhooks";
import { signingKeys } from "./signing-keys";

const globalForScheduler = globalThis as unknown as { redmatrixSchedulerStarted?: boolean };

export async function startScheduler(): Promise<void> {
  if (globalForScheduler.redmatrixSchedulerStarted) return;
  globalForScheduler.redmatrixSchedulerStarted = true;
  const env = getEnv();
  const log = getLogger();
  if (env.scheduler.driver === "embedded") {
    startEmbeddedDispatcher({ db: getDb(), appUrl: env.appUrl, signingKey: signingKeys().current, onError: (err) => log.warn({ err }, "dispatcher delivery failed") });
    return;
  }
  const client = new Client({ token: env.scheduler.token, ...(env.scheduler.baseUrl ? { baseUrl: env.scheduler.baseUrl } : {}) });
  await client.schedules
    .create({ scheduleId: "redmatrix-sweep", destination: `${env.appUrl}${sweepWebhookPath}`, cron: "*/5 * * * *", body: "{}" })
    .catch((err) => log.error({ err }, "could not create the QStash sweep schedule"));
  for (const webhook of periodicWebhooks) {
    await client.schedules
      .create({ scheduleId: webhook.id, destination: `${env.appUrl}${webhook.path}`, cron: webhook.cron, body: "{}" })
      .catch((err) => log.error({ err, schedule: webhook.id }, "could not create a QStash schedule"));
  }
}
