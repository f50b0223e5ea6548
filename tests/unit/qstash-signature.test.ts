import { describe, expect, it } from "vitest";
import { signQstashRequest, verifyQstashRequest } from "@/lib/jobs/qstash-signature";

const keys = { current: "sig_current_key_for_tests", next: "sig_next_key_for_tests" };
const url = "http://localhost:3000/api/webhooks/publish";
const body = JSON.stringify({ jobId: "job_1", version: 1 });

describe("QStash-format signatures", () => {
  it("verifies with @upstash/qstash's Receiver, by the current or the next key", async () => {
    expect(await verifyQstashRequest({ signature: signQstashRequest({ url, body, key: keys.current }), url, body, keys })).toBe(true);
    expect(await verifyQstashRequest({ signature: signQstashRequest({ url, body, key: keys.next }), url, body, keys })).toBe(true);
  });

  it("refuses a missing, forged, tampered, expired, or re-addressed signature", async () => {
    const good = signQstashRequest({ url, body, key: keys.current });
    const check = (signature: string | null, overrides: { url?: string; body?: string } = {}) =>
      verifyQstashRequest({ signature, url: overrides.url ?? url, body: overrides.body ?? body, keys });
    expect(await check(null)).toBe(false);
    expect(await check(signQstashRequest({ url, body, key: "attacker-key" }))).toBe(false);
    expect(await check(good, { body: JSON.stringify({ jobId: "job_2", version: 1 }) })).toBe(false);
    expect(await check(good, { url: "http://localhost:3000/api/webhooks/maintenance" })).toBe(false);
    expect(await check(signQstashRequest({ url, body, key: keys.current, now: new Date(Date.now() - 3600_000) }))).toBe(false);
    expect(await check(`${good.slice(0, -3)}abc`)).toBe(false);
  });
});
