/** Batches of running memory re-embedding jobs, called by the embedded dispatcher (QStash-signed) or the sweep. */
import { z } from "zod";
import { getDb } from "@/db/client";
import { reembedWebhookPath, runPendingReembedJobs } from "@/lib/memory/vectors/reembed-job";
import { withWebhook } from "@/lib/next/with-webhook";
import { verifyWebhook } from "@/lib/scheduling/verify-webhook";

export const dynamic = "force-dynamic";

export const POST = withWebhook(async (req) => {
  await verifyWebhook(req, reembedWebhookPath, z.object({}).strict());
  return runPendingReembedJobs(getDb(), { budgetMs: 8_000 });
});
