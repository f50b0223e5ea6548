/** Daily memory maintenance, called by QStash or the embedded dispatcher with a QStash signature. */
import { z } from "zod";
import { getDb } from "@/db/client";
import { runScheduledMaintenance } from "@/lib/memory/maintenance/run-scheduled-maintenance";
import { withWebhook } from "@/lib/next/with-webhook";
import { maintenanceWebhookPath } from "@/lib/scheduling/periodic-webhooks";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";
import { idSchema } from "@/lib/validation/id-schema";

const maintenanceBodySchema = z.object({ workspaceId: idSchema.optional() }).strict();

export const POST = withWebhook(async (req) => {
  const input = await verifyWebhook(req, maintenanceWebhookPath, maintenanceBodySchema);
  return { workspaces: await runScheduledMaintenance(getDb(), input) };
});
