/**
 * QStash: publish with notBefore and the delivery attempt's own deduplication id; cancel deletes
 * the message. The client does not retry (`retry: false`): a failed send is kept in the publish
 * outbox (lib/scheduling/dispatch/) and retried from there, so nobody waits on the SDK's backoff.
 */
import { Client } from "@upstash/qstash";
import { publishFailureWebhookPath, publishWebhookPath, seriesWebhookPath } from "@/lib/jobs/job-paths";
import type { Delivery, SchedulerDriver, SeriesSchedule } from "./scheduler-driver";

export function createQstashDriver(options: { token: string; baseUrl?: string; appUrl: string; retries?: number }): SchedulerDriver {
  const client = new Client({ token: options.token, retry: false, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  return {
    name: "qstash",
    async enqueue(delivery: Delivery) {
      const { messageId } = await client.publishJSON({
        url: `${options.appUrl}${publishWebhookPath}`,
        body: { jobId: delivery.jobId, workspaceId: delivery.workspaceId, version: delivery.version },
        // QStash counts in whole seconds: round up so a delivery never arrives before run_at.
        notBefore: Math.ceil(delivery.runAt.getTime() / 1000),
        deduplicationId: delivery.deliveryId,
        retries: options.retries ?? 3,
        failureCallback: `${options.appUrl}${publishFailureWebhookPath}`,
      });
      return messageId;
    },
    async cancel(messageId) {
      if (messageId) await client.messages.cancel(messageId).catch(() => undefined); // already delivered: nothing to cancel
    },
    async scheduleSeries(series: SeriesSchedule) {
      const { scheduleId } = await client.schedules.create({
        scheduleId: `series-${series.seriesId}`,
        destination: `${options.appUrl}${seriesWebhookPath}`,
        // QStash evaluates the cron in this zone (20:30 stays 20:30 across DST).
        cron: `CRON_TZ=${series.timezone} ${series.cron}`,
        body: JSON.stringify({ seriesId: series.seriesId, workspaceId: series.workspaceId }),
        retries: options.retries ?? 3,
      });
      return scheduleId;
    },
    async unscheduleSeries(scheduleId) {
      if (scheduleId) await client.schedules.delete(scheduleId).catch(() => undefined); // already gone
    },
  };
}
