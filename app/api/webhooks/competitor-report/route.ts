/** Weekly competitor report emails: called every 15 minutes by QStash or the embedded dispatcher, signed. */
import { z } from "zod";
import { getDb } from "@/db/client";
import { runDueWeeklyReports, weeklyReportWebhookPath } from "@/lib/competitors/reports/run-due-weekly-reports";
import { withWebhook } from "@/lib/next/with-webhook";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";

export const maxDuration = 300;

export const POST = withWebhook(async (req) => {
  await verifyWebhook(req, weeklyReportWebhookPath, z.object({}).strict());
  return runDueWeeklyReports(getDb());
});
