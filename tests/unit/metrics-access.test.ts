import { describe, expect, it } from "vitest";
import { mayReadMetrics } from "@/lib/observability/metrics-access";

describe("who may read /api/metrics", () => {
  const local = { allow: ["127.0.0.0/8", "::1/128"] };
  const withToken = { ...local, token: "a-long-scrape-token-123" };

  it("lets this machine scrape by default and nobody else", () => {
    expect(mayReadMetrics(local, { authorization: null, clientIp: "127.0.0.1" })).toBe(true);
    expect(mayReadMetrics(local, { authorization: null, clientIp: "::1" })).toBe(true);
    expect(mayReadMetrics(local, { authorization: null, clientIp: "::ffff:127.0.0.1" })).toBe(true);
    expect(mayReadMetrics(local, { authorization: null, clientIp: "203.0.113.9" })).toBe(false);
    expect(mayReadMetrics(local, { authorization: null, clientIp: "unknown" })).toBe(false);
  });

  it("takes the token from anywhere, and a wrong token from nowhere (not even an allowed address)", () => {
    expect(mayReadMetrics(withToken, { authorization: "Bearer a-long-scrape-token-123", clientIp: "203.0.113.9" })).toBe(true);
    expect(mayReadMetrics(withToken, { authorization: "Bearer wrong", clientIp: "127.0.0.1" })).toBe(false);
    expect(mayReadMetrics(local, { authorization: "Bearer anything", clientIp: "203.0.113.9" })).toBe(false);
  });

  it("reads single addresses and ranges from the setting, and ignores a malformed entry", () => {
    const access = { allow: ["10.1.0.0/16", "192.0.2.7", "not-an-address"] };
    expect(mayReadMetrics(access, { authorization: null, clientIp: "10.1.200.3" })).toBe(true);
    expect(mayReadMetrics(access, { authorization: null, clientIp: "10.2.0.1" })).toBe(false);
    expect(mayReadMetrics(access, { authorization: null, clientIp: "192.0.2.7" })).toBe(true);
  });
});
