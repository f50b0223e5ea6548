import { getDb } from "@/db/client";
import { withWebhook } from "@/lib/next/with-webhook";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { handleSweepWebhook } from "@/lib/scheduling/handle-maintenance-webhooks";

export const dynamic = "force-dynamic";

export const POST = withWebhook((req) => handleSweepWebhook(getDb(), getSchedulerDriver(), req));
