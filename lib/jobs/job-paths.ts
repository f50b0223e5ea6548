/** Every background webhook's path: what QStash and the embedded dispatcher call, and what they sign. */
export const publishWebhookPath = "/api/webhooks/publish";
export const publishFailureWebhookPath = "/api/webhooks/publish-failed";
export const seriesWebhookPath = "/api/webhooks/series";
export const sweepWebhookPath = "/api/webhooks/sweep";
export const accountHealthWebhookPath = "/api/webhooks/account-health";
export const collectionWebhookPath = "/api/webhooks/collection";
export const weeklyReportWebhookPath = "/api/webhooks/competitor-report";
export const maintenanceWebhookPath = "/api/webhooks/maintenance";
export const reembedWebhookPath = "/api/webhooks/memory-reembed";
