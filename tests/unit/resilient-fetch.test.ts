import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffDelay, resilientFetch } from "@/lib/http/resilient-fetch";

describe("resilient fetch", () => {
  let url: string;
  let hits = 0;
  let failFirst = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(hits <= failFirst ? 503 : 200);
    res.end(String(hits));
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("retries idempotent calls on 503 with growing backoff, then succeeds", async () => {
    hits = 0;
    failFirst = 2;
    const delays: number[] = [];
    const res = await resilientFetch(
      url,
      {},
      { timeoutMs: 2000, idempotent: true, retries: 3, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) },
    );
    expect(res.status).toBe(200);
    expect(hits).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it("never retries a non-idempotent call", async () => {
    hits = 0;
    failFirst = 5;
    const res = await resilientFetch(
      url,
      { method: "POST", body: "{}" },
      { timeoutMs: 2000, idempotent: false, retries: 3, sleep: async () => {} },
    );
    expect(res.status).toBe(503);
    expect(hits).toBe(1);
  });

  it("uses full jitter within an exponentially growing, capped window", () => {
    expect(backoffDelay(0, 250, () => 0.999)).toBe(249);
    expect(backoffDelay(3, 250, () => 0.999)).toBe(1998);
    expect(backoffDelay(20, 250, () => 0.999)).toBe(9990);
    expect(backoffDelay(3, 250, () => 0)).toBe(0);
  });
});
