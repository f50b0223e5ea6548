import { getDb } from "@/db/client";
import { createDataBridgeClient } from "@/lib/analytics/collector/data-bridge-client";
import { collectionWebhookSchema, runScheduledCollection } from "@/lib/analytics/collector/run-scheduled-collection";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { withWebhook } from "@/lib/next/with-webhook";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";

export const maxDuration = 300;

/** QStash-signed (or embedded-dispatcher-signed) trigger of a competitor collection run. */
export const POST = withWebhook(async (req) => {
  const input = await verifyWebhook(req, "/api/webhooks/collection", collectionWebhookSchema);
  const { url, token } = getEnv().dataBridge;
  if (!url) throw new AppError("UNPROCESSABLE", { fieldErrors: { bridge: ["XHS_DATA_BRIDGE_URL is not set"] } });
  return runScheduledCollection(getDb(), input, createDataBridgeClient({ baseUrl: url, token, timeoutMs: 20_000 }), { pauseMs: 1500 });
});
