import { getDb } from "@/db/client";
import { withWebhook } from "@/lib/next/with-webhook";
import { handleDeadLetterWebhook } from "@/lib/scheduling/handle-maintenance-webhooks";

export const dynamic = "force-dynamic";

export const POST = withWebhook((req) => handleDeadLetterWebhook(getDb(), req));
