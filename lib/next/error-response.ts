/** Any error -> the API's error envelope, with the right status. Unknown errors are logged. */
import { errorBody, toAppError } from "@/lib/errors/app-error";
import { errorCatalog, type Locale } from "@/lib/errors/catalog";
import { getLogger } from "@/lib/observability/logger";

export function errorResponse(error: unknown, locale: Locale, requestId: string): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") getLogger().error({ err: error, requestId }, "unhandled error");
  const entry = errorCatalog[appError.code];
  return Response.json(
    {
      error: {
        ...errorBody(appError, locale, requestId),
        messages: { "zh-CN": entry.message["zh-CN"], en: entry.message.en },
      },
    },
    { status: appError.status, headers: { "x-request-id": requestId } },
  );
}
