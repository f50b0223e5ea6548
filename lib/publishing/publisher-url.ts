/**
 * Which URLs a publisher, robot or AI provider may be configured with, checked when the URL is
 * saved so the form can say why at once: only http(s), no credentials in the URL, and a host
 * that is not visibly refused by the address policy (lib/http/address-policy.ts) — IP literals
 * by their range, well-known names (localhost, *.internal, metadata names) by what they mean.
 * This is the early, friendly check only: the real one is made on the resolved address of every
 * connection by lib/http/safe-dispatcher.ts (a public name that resolves to 127.0.0.1 is caught there).
 */
import { isIP } from "node:net";
import { classifyAddress, isClassAllowed, refusalReason, type AddressClass, type PrivateAccess } from "@/lib/http/address-policy";

const metadataNames = new Set([
  "metadata.google.internal",
  "metadata",
  "metadata.azure.com",
  "metadata.tencentyun.com",
  "instance-data",
  "instance-data.ec2.internal",
]);

/** What a host name visibly is, before any lookup (null: only DNS can tell). */
function classifyName(host: string): AddressClass | null {
  if (metadataNames.has(host)) return "metadata";
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  if (host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")) return "private";
  return null;
}

/** null when the URL may be saved; otherwise why not (shown to the user as a field error). */
export function publisherUrlProblem(raw: string, access: PrivateAccess | boolean): string | null {
  const level: PrivateAccess = access === true ? "all" : access === false ? "none" : access;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `Only http:// and https:// URLs are allowed (got ${url.protocol})`;
  if (url.username || url.password) return "Put credentials in the token field, not in the URL";
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  const cls = isIP(host) ? classifyAddress(host) : classifyName(host);
  if (cls && !isClassAllowed(cls, level)) return refusalReason(cls);
  return null;
}
