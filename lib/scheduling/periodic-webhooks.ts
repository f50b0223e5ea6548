/**
 * Webhooks that run on a clock rather than per job: the account health check every 30 minutes.
 * QStash calls them from schedules (start-scheduler.ts); the embedded dispatcher calls them
 * itself, signed exactly the same way, so one route serves both.
 */
export const accountHealthWebhookPath = "/api/webhooks/account-health";

export type PeriodicWebhook = { id: string; path: string; cron: string; everyMs: number };

export const periodicWebhooks: PeriodicWebhook[] = [
  { id: "redmatrix-account-health", path: accountHealthWebhookPath, cron: "*/30 * * * *", everyMs: 30 * 60_000 },
];
