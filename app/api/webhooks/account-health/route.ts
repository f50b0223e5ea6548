/** The scheduled account health check, called by QStash or the embedded dispatcher with a QStash signature. */
import { z } from "zod";
import { getDb } from "@/db/client";
import { healthCheckAccounts } from "@/lib/accounts/health-check-accounts";
import { withWebhook } from "@/lib/next/with-webhook";
import { accountHealthWebhookPath } from "@/lib/scheduling/periodic-webhooks";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";

export const dynamic = "force-dynamic";

export const POST = withWebhook(async (req) => {
  await verifyWebhook(req, accountHealthWebhookPath, z.object({}).strict());
  return healthCheckAccounts(getDb());
});
