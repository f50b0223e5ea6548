/**
 * The scheduler interface: decides *when* the publish webhook is called, never *how* a note is
 * published. QStash in production; the embedded dispatcher (which polls the database) by default.
 */
export type Delivery = { jobId: string; workspaceId: string; version: number; runAt: Date };
/** What the webhook receives: which job, of which workspace, at which version. */
export type DeliveryPayload = Omit<Delivery, "runAt">;

export interface SchedulerDriver {
  readonly name: "qstash" | "embedded";
  /** Arranges a signed POST of {jobId, workspaceId, version} to the publish webhook at runAt; returns a message id if any. */
  enqueue(delivery: Delivery): Promise<string | null>;
  cancel(messageId: string | null): Promise<void>;
}

export const publishWebhookPath = "/api/webhooks/publish";
export const publishFailureWebhookPath = "/api/webhooks/publish-failed";
