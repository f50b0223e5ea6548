import { getDb } from "@/db/client";
import { configuredDataBridge } from "@/lib/competitors/collect/bridge-client-for";
import { collectionWebhookPath, collectionWebhookSchema, runScheduledCollection } from "@/lib/competitors/collect/run-scheduled-collection";
import { withWebhook } from "@/lib/next/with-webhook";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";

export const maxDuration = 300;

/**
 * QStash-signed (or embedded-dispatcher-signed) trigger of a collection run: competitors through
 * the data bridge (skipped when XHS_DATA_BRIDGE_URL is unset), own accounts through their own bridges.
 */
export const POST = withWebhook(async (req) => {
  const input = await verifyWebhook(req, collectionWebhookPath, collectionWebhookSchema);
  return runScheduledCollection(getDb(), input, configuredDataBridge(), { pauseMs: 1500 });
});
