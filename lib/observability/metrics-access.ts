/**
 * Who may read /api/metrics: Prometheus with the METRICS_TOKEN bearer token, or a scraper on an
 * allowed address (METRICS_ALLOW, default this machine). The counts say how busy a workspace is
 * and how often sign-ins fail: not for the public internet.
 */
import { sameSecret } from "@/lib/security/same-secret";
import ipaddr from "ipaddr.js";

export type MetricsAccess = { token?: string; allow: string[] };

function inRange(address: string, range: string): boolean {
  try {
    const ip = ipaddr.process(address);
    const [net, bits] = range.includes("/")
      ? ipaddr.parseCIDR(range)
      : [ipaddr.process(range), ipaddr.process(range).kind() === "ipv4" ? 32 : 128];
    return ip.kind() === net.kind() && ip.match(net, bits);
  } catch {
    return false; // "unknown", or a malformed entry in the setting
  }
}

export function mayReadMetrics(access: MetricsAccess, request: { authorization: string | null; clientIp: string }): boolean {
  const bearer = /^Bearer (.+)$/i.exec(request.authorization ?? "")?.[1];
  if (access.token && bearer) return sameSecret(bearer, access.token);
  return access.allow.some((range) => inRange(request.clientIp, range));
}
