/** Wrapper for QStash-called routes: request id, error envelope, metrics; the handler does the rest. */
import type { NextRequest } from "next/server";
import { errorResponse } from "./error-response";
import { observeRequest } from "./observe-request";
import { requestIdOf } from "./request-info";

export function withWebhook(handler: (req: NextRequest) => Promise<unknown>) {
  return async (req: NextRequest): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    const started = performance.now();
    try {
      const result = await handler(req);
      return observeRequest(req, Response.json(result ?? { ok: true }, { headers: { "x-request-id": requestId } }), requestId, started);
    } catch (error) {
      return observeRequest(req, errorResponse(error, "en", requestId), requestId, started);
    }
  };
}
