/**
 * The resilient wrapper around the Upstash driver (lib/cache/resilient-cache.ts): against a
 * server that never answers, reads miss after the client's short timeout, then the breaker
 * answers at once; one log line per outage; the strict view throws for callers with their own
 * fallback. Against the real REST bridge: it recovers after the cool-down and says so once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CacheUnavailableError, createResilientCache } from "@/lib/cache/resilient-cache";
import { createUpstashCache } from "@/lib/cache/upstash-cache";
import { redisAvailable, requireOrSkip } from "../support/redis-available";
import { startUpstashRestServer } from "../support/upstash-rest-server";

const redisUp = requireOrSkip(await redisAvailable(), "the resilient cache recovery test");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collectingLog() {
  const lines: { level: "warn" | "info"; msg: string }[] = [];
  return {
    lines,
    warn: (_: object, msg: string) => lines.push({ level: "warn", msg }),
    info: (_: object, msg: string) => lines.push({ level: "info", msg }),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe("resilient cache", () => {
  it("misses after the short timeout, then fails fast with the breaker open; never throws; logs the outage once", async () => {
    const silent = http.createServer(() => undefined); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const log = collectingLog();
    const cache = createResilientCache(createUpstashCache(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, "token", 300), {
      log,
      breaker: { failureThreshold: 2, openMs: 60_000 },
    });
    try {
      for (let i = 0; i < 2; i++) {
        const first = await timed(() => cache.get("k"));
        expect(first.value).toBeNull();
        expect(first.ms).toBeGreaterThanOrEqual(250);
        expect(first.ms).toBeLessThan(2_000);
      }
      const fast = await timed(async () => {
        for (let i = 0; i < 20; i++) expect(await cache.get("k")).toBeNull();
      });
      expect(fast.ms).toBeLessThan(200); // 20 reads, none waiting for a timeout
      await expect(cache.set("k", 1, 60)).resolves.toBeUndefined();
      await expect(cache.del("k")).resolves.toBeUndefined();
      expect(await cache.incr("n", 60)).toBe(1); // counted in this process
      expect(await cache.incr("n", 60)).toBe(2);
      expect(await cache.ttl("n")).toBeGreaterThan(50);
      await expect(cache.strict.get("k")).rejects.toBeInstanceOf(CacheUnavailableError);
      expect(log.lines).toEqual([{ level: "warn", msg: expect.stringMatching(/cache unreachable/) }]);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it.skipIf(!redisUp)("recovers when the bridge comes back after the cool-down, and logs that once", async () => {
    let bridge = await startUpstashRestServer();
    const port = Number(new URL(bridge.url).port);
    const log = collectingLog();
    const cache = createResilientCache(createUpstashCache(bridge.url, bridge.token, 500), {
      log,
      breaker: { failureThreshold: 2, openMs: 300 },
    });
    const key = `resilient-${process.pid}-${Date.now()}`;
    try {
      await cache.set(key, "kept", 60);
      await bridge.close();
      for (let i = 0; i < 5; i++) expect(await cache.get(key)).toBeNull();
      bridge = await startUpstashRestServer({ port, token: bridge.token });
      await sleep(350);
      expect(await cache.get(key)).toBe("kept");
      expect(log.lines.map((l) => l.level)).toEqual(["warn", "info"]);
      await cache.del(key);
    } finally {
      await bridge.close();
    }
  });
});
