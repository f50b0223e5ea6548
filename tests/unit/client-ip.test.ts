/** clientIp's hop arithmetic (lib/next/request-info.ts), without a server: no peer stamp here. */
import { describe, expect, it } from "vitest";
import { normalizeAddress } from "@/lib/next/peer-address";
import { clientIp, unknownClientIp } from "@/lib/next/request-info";

const xff = (value: string) => new Headers({ "x-forwarded-for": value, "x-real-ip": "9.9.9.9" });

describe("clientIp", () => {
  it("trusts no header without TRUST_PROXY: the (absent) socket address, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp(xff("1.1.1.1"), 0)).toBe(unknownClientIp);
  });

  it("with n hops takes the n-th entry from the right, the leftmost when there are fewer", () => {
    expect(clientIp(xff("6.6.6.6, 1.1.1.1, 2.2.2.2"), 1)).toBe("2.2.2.2");
    expect(clientIp(xff("6.6.6.6, 1.1.1.1, 2.2.2.2"), 2)).toBe("1.1.1.1");
    expect(clientIp(xff(" 1.1.1.1 ,2.2.2.2"), 5)).toBe("1.1.1.1");
    expect(clientIp(new Headers(), 1)).toBe(unknownClientIp);
  });

  it("counts an IPv4-mapped IPv6 socket address as the IPv4 one", () => {
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
