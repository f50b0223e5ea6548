import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { createDataBridgeClient } from "@/lib/analytics/collector/data-bridge-client";
import { collectionWebhookSchema, runScheduledCollection } from "@/lib/analytics/collector/run-scheduled-collection";
import { verifySignedRequest } from "@/lib/analytics/collector/verify-signature";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/next/error-response";
import { readJson } from "@/lib/next/read-json";
import { localeOf, requestIdOf } from "@/lib/next/request-info";

export const maxDuration = 300;

/** QStash-signed (or embedded-dispatcher-signed) trigger of a competitor collection run. */
export async function POST(req: NextRequest): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  try {
    const body = await req.clone().text();
    await verifySignedRequest(req.headers.get("upstash-signature"), body, req.url);
    const input = collectionWebhookSchema.parse(await readJson(req));
    const { url, token } = getEnv().dataBridge;
    if (!url) throw new AppError("UNPROCESSABLE", { fieldErrors: { bridge: ["XHS_DATA_BRIDGE_URL is not set"] } });
    const result = await runScheduledCollection(getDb(), input, createDataBridgeClient({ baseUrl: url, token, timeoutMs: 20_000 }), { pauseMs: 1500 });
    return Response.json(result, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, localeOf(req.headers), requestId);
  }
}
