/**
 * Only server-action requests pass through here (the matcher asks for Next's `next-action`
 * header), so pages pay nothing. A foreign `Origin` is refused with a 403 and the usual error
 * body; Next itself would also refuse it, but as a 500.
 */
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/next/error-response";
import { localeCookie, localeOf, requestIdOf } from "@/lib/next/request-info";
import { isSameOrigin } from "@/lib/next/same-origin";

export function proxy(req: NextRequest): Response | undefined {
  if (isSameOrigin(req.headers)) return undefined;
  return errorResponse(new AppError("CROSS_ORIGIN"), localeOf(req.headers, req.cookies.get(localeCookie)?.value), requestIdOf(req.headers));
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
