/**
 * Cross-site request forgery guard for cookie-authenticated writes. A browser sends `Origin` (and
 * `Sec-Fetch-Site`) on every cross-origin POST/PUT/PATCH/DELETE, so a write carrying a session
 * cookie is refused when either says the page that sent it is not ours; a JSON route also
 * insists on `application/json`, which a foreign form or `text/plain` fetch cannot send without
 * a CORS preflight we never grant. Token-authenticated calls carry no ambient credential and are
 * exempt. Ours means the host the request reached (`x-forwarded-host` first), as Next's own
 * server-action check compares it.
 */
import { AppError } from "@/lib/errors/app-error";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export const isWriteMethod = (method: string) => !safeMethods.has(method.toUpperCase());

function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/** Whether the request came from a page of this site (or from no browser page at all). */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return true; // not a browser page: no ambient cookie was used against its owner
  if (origin === "null") return false;
  try {
    return new URL(origin).host === requestHost(headers);
  } catch {
    return false;
  }
}

export function assertSameOriginWrite(req: Request, options: { json: boolean }): void {
  if (!isWriteMethod(req.method)) return;
  if (!isSameOrigin(req.headers)) throw new AppError("CROSS_ORIGIN");
  if (options.json && !/^application\/([\w.+-]+\+)?json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  }
}
