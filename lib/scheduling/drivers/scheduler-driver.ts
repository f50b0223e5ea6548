/**
 * The scheduler interface: decides *when* the publish webhook is called, never *how* a note is
 * published. QStash in production; the embedded dispatcher (which polls the database) by default.
 */
/**
 * deliveryId: one per delivery attempt (`<jobId>-v<version>-a<attempt>`, publish-dispatches.ts).
 * QStash keeps deduplication ids for 90 days: sending the same attempt twice enqueues it once,
 * and only a new attempt (a new id) can deliver a job again.
 */
export type Delivery = { jobId: string; workspaceId: string; version: number; runAt: Date; deliveryId: string };
/** What the webhook receives: which job, of which workspace, at which version. */
export type DeliveryPayload = Omit<Delivery, "runAt" | "deliveryId">;

export interface SchedulerDriver {
  readonly name: "qstash" | "embedded";
  /** Arranges a signed POST of {jobId, workspaceId, version} to the publish webhook at runAt; returns a message id if any. */
  enqueue(delivery: Delivery): Promise<string | null>;
  cancel(messageId: string | null): Promise<void>;
  /**
   * A cron schedule that POSTs {seriesId, workspaceId} to the series webhook at each occurrence
   * (in `timezone`), under a stable id so calling it again replaces it; null when the driver has
   * no schedules (the embedded dispatcher materialises series itself).
   */
  scheduleSeries(series: SeriesSchedule): Promise<string | null>;
  unscheduleSeries(scheduleId: string | null): Promise<void>;
}

export type SeriesSchedule = { seriesId: string; workspaceId: string; cron: string; timezone: string };
