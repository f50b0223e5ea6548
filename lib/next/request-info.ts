/** What a request says about its origin: client IP, request id, preferred language. */
import type { Locale } from "@/lib/errors/catalog";
import { newId } from "@/lib/ids/new-id";

export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{1,64}$/.test(given) ? given : newId("req");
}

export const localeCookie = "NEXT_LOCALE";

export function localeOf(headers: Headers, cookieValue?: string): Locale {
  if (cookieValue === "en" || cookieValue === "zh-CN") return cookieValue;
  const accept = headers.get("accept-language")?.toLowerCase() ?? "";
  return accept.startsWith("en") ? "en" : "zh-CN";
}
