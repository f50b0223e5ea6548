/** Daily memory maintenance, called by QStash or the embedded dispatcher with a QStash signature. */
import { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { runScheduledMaintenance } from "@/lib/memory/maintenance/run-scheduled-maintenance";
import { errorResponse } from "@/lib/next/error-response";
import { localeCookie, localeOf, requestIdOf } from "@/lib/next/request-info";
import { verifyQstashRequest, webhookUrl } from "@/lib/scheduling/verify-qstash-request";

export const runtime = "nodejs";

const maintenanceBodySchema = z.object({ workspaceId: z.string().min(1).max(64).optional() }).strict();

export async function POST(req: NextRequest): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const locale = localeOf(req.headers, req.cookies.get(localeCookie)?.value);
  try {
    const body = await req.text();
    await verifyQstashRequest({ signature: req.headers.get("upstash-signature"), body, url: webhookUrl(req.nextUrl.pathname) });
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : {};
    } catch {
      throw new AppError("INVALID_JSON");
    }
    const input = maintenanceBodySchema.parse(parsed);
    return Response.json({ workspaces: await runScheduledMaintenance(getDb(), input) }, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return errorResponse(error, locale, requestId);
  }
}
