/**
 * Which IP addresses the server may open a connection to (the SSRF policy, pure). Ranges come
 * from ipaddr.js (maintained, RFC-named special ranges); we only decide what each range means
 * here. Cloud metadata, link-local, unspecified, multicast and reserved addresses are refused
 * always; loopback and private ones only as far as the operator's `PrivateAccess` allows.
 * IPv6 forms that carry an IPv4 address (mapped, IPv4-compatible, NAT64, 6to4) are judged by
 * the IPv4 address they carry.
 */
import ipaddr from "ipaddr.js";

/** "none": public only; "loopback": also this machine; "all": also private networks (LAN, VPN, CGNAT). */
export type PrivateAccess = "none" | "loopback" | "all";

export type AddressClass = "public" | "loopback" | "private" | "metadata" | "link_local" | "unspecified" | "multicast" | "reserved";

// Metadata services that are not link-local: Alibaba Cloud (inside CGNAT), Azure's wire server
// (a public range), AWS IMDS over IPv6 (inside fc00::/7). Link-local ones are refused anyway.
const metadataV4 = new Set(["100.100.100.200", "168.63.129.16"]);
const metadataV6 = ipaddr.IPv6.parseCIDR("fd00:ec2::/32");

function classifyV4(ip: ipaddr.IPv4): AddressClass {
  if (metadataV4.has(ip.toString())) return "metadata";
  switch (ip.range()) {
    case "loopback":
      return "loopback";
    case "private":
    case "carrierGradeNat":
      return "private";
    case "linkLocal":
      return "link_local";
    case "unspecified":
      return "unspecified";
    case "multicast":
    case "broadcast":
      return "multicast";
    case "reserved":
      return "reserved";
    default:
      return "public";
  }
}

/** The IPv4 address an IPv6 address stands for, if it is one of the forms that embed one. */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const range = ip.range();
  if (range === "ipv4Mapped") return ip.toIPv4Address();
  if (range === "rfc6145" || range === "rfc6052") return fromWords(p[6], p[7]);
  if (range === "6to4") return fromWords(p[1], p[2]);
  // IPv4-compatible (::a.b.c.d, deprecated but still parsed by the OS).
  if (p.slice(0, 6).every((w) => w === 0) && range !== "loopback" && range !== "unspecified") return fromWords(p[6], p[7]);
  return null;
}

function classifyV6(ip: ipaddr.IPv6): AddressClass {
  if (ip.match(metadataV6)) return "metadata";
  const v4 = embeddedV4(ip);
  if (v4) return classifyV4(v4);
  switch (ip.range()) {
    case "loopback":
      return "loopback";
    case "uniqueLocal":
      return "private";
    case "linkLocal":
      return "link_local";
    case "unspecified":
      return "unspecified";
    case "multicast":
      return "multicast";
    case "unicast":
    case "amt":
    case "as112v6":
      return "public";
    default:
      // teredo, site-local, discard, documentation, benchmarking, ORCHID, segment routing …
      return "reserved";
  }
}

/** The class of an IP literal (brackets allowed); anything that does not parse is "reserved". */
export function classifyAddress(address: string): AddressClass {
  const raw = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(raw)) return "reserved";
  const ip = ipaddr.parse(raw);
  return ip.kind() === "ipv4" ? classifyV4(ip as ipaddr.IPv4) : classifyV6(ip as ipaddr.IPv6);
}

export function isClassAllowed(cls: AddressClass, access: PrivateAccess): boolean {
  if (cls === "public") return true;
  if (cls === "loopback") return access !== "none";
  if (cls === "private") return access === "all";
  return false;
}

/** The setting that would allow this class, or null when no setting does (metadata, link-local …). */
export function settingThatAllows(cls: AddressClass): string | null {
  if (cls === "loopback") return "OUTBOUND_ALLOW_PRIVATE=loopback";
  if (cls === "private") return "OUTBOUND_ALLOW_PRIVATE=true";
  return null;
}

/** Why an address class is refused, in one sentence that names the setting to change (English, for logs and field errors). */
export function refusalReason(cls: AddressClass): string {
  const setting = settingThatAllows(cls);
  if (setting) {
    const what = cls === "loopback" ? "this machine (loopback)" : "a private network address";
    return `The address points to ${what}, which this server does not call; the operator can set ${setting} if the service really runs there`;
  }
  return "The address is a cloud metadata, link-local or reserved address, which is never called";
}
