import { getDb } from "@/db/client";
import { withWebhook } from "@/lib/next/with-webhook";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { handlePublishWebhook } from "@/lib/scheduling/handle-publish-webhook";

export const dynamic = "force-dynamic";

export const POST = withWebhook((req) => handlePublishWebhook(getDb(), getSchedulerDriver(), req));
