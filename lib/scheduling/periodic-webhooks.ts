/**
 * Webhooks the scheduler calls on a fixed cadence besides the sweep (each decides itself what is
 * due, so an extra or late call is harmless). QStash gets a schedule per entry; the embedded
 * default calls them from a timer with the same QStash signature.
 */
import { weeklyReportWebhookPath } from "@/lib/analytics/reports/run-due-weekly-reports";
import { deliverSigned } from "./embedded-dispatcher";

export const periodicWebhooks = [{ scheduleId: "redmatrix-competitor-report", path: weeklyReportWebhookPath, cron: "*/15 * * * *", everyMs: 15 * 60_000 }] as const;

export function startPeriodicWebhooks(o: { appUrl: string; signingKey: string; onError?: (error: unknown) => void }): () => void {
  const timers = periodicWebhooks.map((w) =>
    setInterval(() => {
      deliverSigned(`${o.appUrl}${w.path}`, {}, o.signingKey).catch((error) => o.onError?.(error));
    }, w.everyMs),
  );
  for (const t of timers) t.unref();
  return () => timers.forEach(clearInterval);
}
