/**
 * Which URLs a publisher (bridge, webhook) may call. The server makes these requests, so a URL
 * is an SSRF vector: only http(s); cloud metadata endpoints are always refused; private,
 * loopback and link-local addresses are refused unless ALLOW_PRIVATE_PUBLISHER_URLS allows them
 * (default: allowed outside production, because the bridge runs next to the app on localhost).
 * Limitation: a public hostname that resolves to a private address is not caught here.
 */
import { isIP } from "node:net";

const metadataHosts = new Set(["metadata.google.internal", "metadata", "metadata.azure.com", "100.100.100.200", "fd00:ec2::254"]);

/** `::ffff:a9fe:a9fe` (how URL normalises ::ffff:169.254.169.254) -> "169.254.169.254". */
function unmapIpv4(host: string): string {
  const dotted = host.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (dotted) return dotted[1];
  const hex = host.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i);
  if (!hex) return host;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

function ipv4Parts(host: string): number[] | null {
  if (isIP(host) !== 4) return null;
  return host.split(".").map(Number);
}

function isLinkLocal(host: string): boolean {
  const p = ipv4Parts(host);
  if (p) return p[0] === 169 && p[1] === 254;
  return /^fe[89ab][0-9a-f]?:/i.test(host);
}

function isPrivate(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return true;
  const p = ipv4Parts(host);
  if (p) {
    const [a, b] = p;
    return a === 0 || a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) {
    const h = host.toLowerCase();
    if (h === "::1" || h === "::") return true;
    if (/^f[cd][0-9a-f]{0,2}:/.test(h)) return true;
  }
  return false;
}

/** null when the URL may be called; otherwise why not (shown to the user as a field error). */
export function publisherUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `Only http:// and https:// URLs are allowed (got ${url.protocol})`;
  if (url.username || url.password) return "Put credentials in the token field, not in the URL";
  const host = unmapIpv4(url.hostname.replace(/^\[|\]$/g, "").toLowerCase());
  if (metadataHosts.has(host) || isLinkLocal(host)) return "Cloud metadata and link-local addresses are never allowed";
  if (!allowPrivate && isPrivate(host)) {
    return "Private, loopback and internal addresses are not allowed here (set ALLOW_PRIVATE_PUBLISHER_URLS=true if your bridge runs on your own network)";
  }
  return null;
}
