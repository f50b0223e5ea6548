/**
 * What a request says about its origin: client IP, request id, preferred language.
 *
 * The client IP is the socket's peer address (peer-address.ts explains how we get it under
 * `next start`: Next passes a client-sent X-Forwarded-For through untouched). Only with
 * TRUST_PROXY=<n> (n proxies of ours in front) does X-Forwarded-For count, and then only the
 * entry the n-th proxy from us appended: the n-th from the right. Entries further left are
 * whatever the client sent. Like Express's "trust proxy" hop count: with fewer entries than
 * hops, the leftmost one. X-Real-IP is never trusted (any client can send it).
 */
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/errors/catalog";
import { newId } from "@/lib/ids/new-id";
import { peerAddressOf } from "./peer-address";

/** Without the peer stamp (not served by our Node server) the address is unknown: one shared bucket. */
export const unknownClientIp = "unknown";

export function clientIp(headers: Headers, trustedHops = getEnv().trustProxyHops): string {
  const peer = peerAddressOf(headers) ?? unknownClientIp;
  if (trustedHops <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return peer;
  return forwarded[Math.max(0, forwarded.length - trustedHops)];
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
