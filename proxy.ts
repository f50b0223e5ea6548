/**
 * In front of pages (and server actions, which post to pages); never API routes or static files.
 * - A server action from a foreign `Origin` is refused with a 403 and the usual error body
 *   (Next itself would refuse it too, but as a 500).
 * - Each page gets a fresh CSP nonce and, over https, HSTS (lib/next/page-security-headers.ts).
 * Sessions are not read here: every page checks its own (see README, "Sessions").
 */
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/next/error-response";
import { hsts, isHttps, newNonce, pageContentSecurityPolicy } from "@/lib/next/page-security-headers";
import { localeCookie, localeOf, requestIdOf } from "@/lib/next/request-info";
import { isSameOrigin } from "@/lib/next/same-origin";

export function proxy(req: NextRequest): Response {
  if (req.headers.has("next-action") && !isSameOrigin(req.headers)) {
    return errorResponse(
      new AppError("CROSS_ORIGIN"),
      localeOf(req.headers, req.cookies.get(localeCookie)?.value),
      requestIdOf(req.headers),
    );
  }
  const csp = pageContentSecurityPolicy(newNonce(), { isDev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (isHttps(req)) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon|robots.txt).*)" }],
};
