/**
 * Webhooks that run on a clock rather than per job: the account health check every 30 minutes,
 * the weekly competitor report check every 15 minutes (it decides itself what is due, so an
 * extra or late call is harmless), competitor / own-account collection every 6 hours, and the
 * daily memory maintenance (cleanup, compression, keyword index merge; 03:30 Asia/Shanghai).
 * QStash calls them from schedules (start-scheduler.ts); the embedded dispatcher calls them
 * itself, signed exactly the same way, so one route serves both.
 */
import { accountHealthWebhookPath, collectionWebhookPath, maintenanceWebhookPath, weeklyReportWebhookPath } from "./job-paths";

/**
 * cron: QStash's schedule (UTC). everyMs: the embedded dispatcher's period; its first call comes
 * `firstAfterMs` after the server starts (default: one period), so a server restarted more often
 * than daily still runs the daily work.
 */
export type PeriodicWebhook = { id: string; path: string; cron: string; everyMs: number; firstAfterMs?: number };

export const periodicWebhooks: PeriodicWebhook[] = [
  { id: "redmatrix-account-health", path: accountHealthWebhookPath, cron: "*/30 * * * *", everyMs: 30 * 60_000 },
  { id: "redmatrix-competitor-report", path: weeklyReportWebhookPath, cron: "*/15 * * * *", everyMs: 15 * 60_000 },
  { id: "redmatrix-collection", path: collectionWebhookPath, cron: "0 */6 * * *", everyMs: 6 * 60 * 60_000 },
  {
    id: "redmatrix-memory-maintenance",
    path: maintenanceWebhookPath,
    cron: "30 19 * * *",
    everyMs: 24 * 60 * 60_000,
    firstAfterMs: 10 * 60_000,
  },
];
