import { getDb } from "@/db/client";
import { withWebhook } from "@/lib/next/with-webhook";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { handleSeriesWebhook } from "@/lib/scheduling/series/series-schedule";

export const dynamic = "force-dynamic";

export const POST = withWebhook((req) => handleSeriesWebhook(getDb(), getSchedulerDriver(), req));
