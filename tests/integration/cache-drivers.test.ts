/**
 * One contract suite, run against both cache drivers: the in-process memory cache and the
 * Upstash driver, the latter through a REST bridge in front of the real Redis on 127.0.0.1:6379
 * (tests/support/upstash-rest-server.ts). Also the rate-limit helpers on both drivers, and
 * @upstash/redis scripts / @upstash/ratelimit through the bridge.
 */
import { createHash, randomBytes } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyPrefix, type Cache } from "@/lib/cache/cache";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { createUpstashCache } from "@/lib/cache/upstash-cache";
import { clearAttempts, isRateLimited, recordAttempt } from "@/lib/security/rate-limit";
import { redisAvailable, requireOrSkip } from "@/tests/support/redis-available";
import { startUpstashRestServer, type UpstashRestServer } from "@/tests/support/upstash-rest-server";

const REDIS_URL = "redis://127.0.0.1:6379";
const runId = `it-cache-${process.pid}-${randomBytes(4).toString("hex")}`;
const redisUp = requireOrSkip(await redisAvailable(REDIS_URL), "the Upstash cache driver tests");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function cacheContract(label: string, getCache: () => Cache) {
  const prefix = `${runId}:${label}:`;
  const used = new Set<string>();
  const key = (name: string) => {
    used.add(prefix + name);
    return prefix + name;
  };

  afterAll(async () => {
    if (used.size) await getCache().del(...used);
  });

  describe(`cache contract: ${label}`, () => {
    it("ping answers true", async () => {
      expect(await getCache().ping()).toBe(true);
    });

    it("round-trips objects, arrays, numbers and booleans", async () => {
      const cache = getCache();
      const value = { id: "a1", count: 3, ok: true, nested: { list: [1, "two", null, { three: 3 }] }, empty: "" };
      await cache.set(key("object"), value, 60);
      expect(await cache.get(key("object"))).toEqual(value);
      await cache.set(key("array"), ["x", 2], 60);
      expect(await cache.get(key("array"))).toEqual(["x", 2]);
      await cache.set(key("number"), 42, 60);
      expect(await cache.get(key("number"))).toBe(42);
      await cache.set(key("boolean"), false, 60);
      expect(await cache.get(key("boolean"))).toBe(false);
    });

    it("round-trips plain strings", async () => {
      await getCache().set(key("plain"), "hello world", 60);
      expect(await getCache().get(key("plain"))).toBe("hello world");
    });

    it('a string that looks like a number ("42") comes back as the same string', async () => {
      await getCache().set(key("numeric-string"), "42", 60);
      expect(await getCache().get(key("numeric-string"))).toBe("42");
    });

    it("strings that look like JSON come back as the same strings", async () => {
      const cache = getCache();
      for (const [i, text] of ["true", "null", '{"a":1}', "[1,2]", '"quoted"'].entries()) {
        await cache.set(key(`json-string-${i}`), text, 60);
        expect(await cache.get(key(`json-string-${i}`))).toBe(text);
      }
    });

    it("a missing key reads as null, with a null TTL", async () => {
      expect(await getCache().get(key("missing"))).toBeNull();
      expect(await getCache().ttl(key("missing"))).toBeNull();
    });

    it("set starts the TTL in seconds; setting again replaces it", async () => {
      const cache = getCache();
      await cache.set(key("ttl"), "v", 60);
      const ttl = await cache.ttl(key("ttl"));
      expect(ttl).toBeGreaterThanOrEqual(58);
      expect(ttl).toBeLessThanOrEqual(61); // 61: see "ttl never reports more than the TTL that was set"
      await cache.set(key("ttl"), "w", 300);
      expect(await cache.ttl(key("ttl"))).toBeGreaterThan(60);
      expect(await cache.get(key("ttl"))).toBe("w");
    });

    it("ttl never reports more than the TTL that was set", async () => {
      const cache = getCache();
      // Reading another key's TTL first, then set + ttl in the same tick: the memory driver's
      // LRU answers from a clock reading cached before the set (ttlResolution), hence ttl + 1.
      await cache.set(key("ttl-warm"), 1, 60);
      await cache.ttl(key("ttl-warm"));
      await cache.set(key("ttl-exact"), "v", 100);
      expect(await cache.ttl(key("ttl-exact"))).toBeLessThanOrEqual(100);
      await cache.incr(key("ttl-exact-counter"), 100);
      expect(await cache.ttl(key("ttl-exact-counter"))).toBeLessThanOrEqual(100);
    });

    it("a value expires after its TTL", async () => {
      const cache = getCache();
      await cache.set(key("expiring"), { gone: "soon" }, 1);
      expect(await cache.get(key("expiring"))).toEqual({ gone: "soon" });
      await sleep(1200);
      expect(await cache.get(key("expiring"))).toBeNull();
      expect(await cache.ttl(key("expiring"))).toBeNull();
    });

    it("del removes several keys at once and ignores missing ones", async () => {
      const cache = getCache();
      await cache.set(key("del-a"), 1, 60);
      await cache.set(key("del-b"), { b: 2 }, 60);
      await cache.set(key("del-keep"), "keep", 60);
      await cache.del(key("del-a"), key("del-b"), key("del-never-set"));
      expect(await cache.get(key("del-a"))).toBeNull();
      expect(await cache.get(key("del-b"))).toBeNull();
      expect(await cache.get(key("del-keep"))).toBe("keep");
      await expect(cache.del()).resolves.toBeUndefined();
    });

    it("incr starts at 1, counts up, and reads back as a number", async () => {
      const cache = getCache();
      expect(await cache.incr(key("counter"), 60)).toBe(1);
      expect(await cache.incr(key("counter"), 60)).toBe(2);
      expect(await cache.incr(key("counter"), 60)).toBe(3);
      expect(await cache.get<number>(key("counter"))).toBe(3);
    });

    it("incr sets the TTL only when it creates the counter", async () => {
      const cache = getCache();
      await cache.incr(key("counter-ttl"), 100);
      const first = (await cache.ttl(key("counter-ttl"))) ?? -1;
      expect(first).toBeGreaterThanOrEqual(98);
      expect(first).toBeLessThanOrEqual(101); // 101: see "ttl never reports more than the TTL that was set"
      expect(await cache.incr(key("counter-ttl"), 1000)).toBe(2);
      expect(await cache.ttl(key("counter-ttl"))).toBeLessThanOrEqual(first);
    });

    it("a counter expires after its TTL and starts again at 1", async () => {
      const cache = getCache();
      expect(await cache.incr(key("counter-expiring"), 1)).toBe(1);
      expect(await cache.incr(key("counter-expiring"), 1)).toBe(2);
      await sleep(1200);
      expect(await cache.ttl(key("counter-expiring"))).toBeNull();
      expect(await cache.incr(key("counter-expiring"), 1)).toBe(1);
    });

    it("rate limit: 5 login failures limit the subject, clearing lifts it", async () => {
      const cache = getCache();
      const subject = `${prefix}user@example.com|203.0.113.7`;
      const other = `${prefix}other@example.com|203.0.113.7`;
      try {
        expect(await isRateLimited(cache, "loginFailures", subject)).toBe(false);
        for (let attempt = 1; attempt <= 4; attempt++) {
          expect(await recordAttempt(cache, "loginFailures", subject)).toBe(attempt);
          expect(await isRateLimited(cache, "loginFailures", subject)).toBe(false);
        }
        expect(await recordAttempt(cache, "loginFailures", subject)).toBe(5);
        expect(await isRateLimited(cache, "loginFailures", subject)).toBe(true);
        expect(await isRateLimited(cache, "loginFailures", other)).toBe(false);
        await clearAttempts(cache, "loginFailures", subject);
        expect(await isRateLimited(cache, "loginFailures", subject)).toBe(false);
        expect(await recordAttempt(cache, "loginFailures", subject)).toBe(1);
      } finally {
        await clearAttempts(cache, "loginFailures", subject);
      }
    });
  });
}

// ---- memory driver: always runs ----

const memory = createInProcessCache();
cacheContract("memory", () => memory);

// ---- Upstash driver through the REST bridge: needs Redis ----

describe.skipIf(!redisUp)("upstash driver over the REST bridge", () => {
  let server: UpstashRestServer | undefined;
  let upstash: Cache | undefined;
  const bridge = () => {
    if (!server) throw new Error("the REST bridge did not start");
    return server;
  };
  const getUpstash = () => {
    if (!upstash) throw new Error("the REST bridge did not start");
    return upstash;
  };

  beforeAll(async () => {
    server = await startUpstashRestServer({ redisUrl: REDIS_URL });
    upstash = createUpstashCache(server.url, server.token);
  });
  afterAll(async () => {
    await server?.close();
  });

  cacheContract("upstash", getUpstash);

  describe("the bridge itself", () => {
    const redis = () => new Redis({ url: bridge().url, token: bridge().token });

    it("refuses a request without the token", async () => {
      const res = await fetch(bridge().url, { method: "POST", body: JSON.stringify(["PING"]) });
      expect(res.status).toBe(401);
      expect(await res.json()).toHaveProperty("error");
    });

    it("answers errors as {error} with status 400, and keeps raw strings without base64", async () => {
      const post = (body: unknown) =>
        fetch(bridge().url, { method: "POST", headers: { authorization: `Bearer ${bridge().token}` }, body: JSON.stringify(body) });
      const bad = await post(["NOT-A-COMMAND"]);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(/unknown command/i);
      const ok = await post(["ECHO", 42]);
      expect(await ok.json()).toEqual({ result: "42" });
    });

    it("runs a script whose first line is a #!lua shebang, via EVAL and then its original EVALSHA", async () => {
      const script = `#!lua flags=allow-key-locking\nreturn {ARGV[1], tonumber(ARGV[2]) + 1}`;
      const client = redis();
      // Script.exec tries EVALSHA first, gets NOSCRIPT, falls back to EVAL (which strips the line).
      expect(await client.createScript<[string, number]>(script).exec([], [`${runId}-a`, "41"])).toEqual([`${runId}-a`, 42]);
      // Now the original script's sha1 is mapped to the stripped one's.
      expect(await client.evalsha(sha1(script), [], [`${runId}-b`, "1"])).toEqual([`${runId}-b`, 2]);
    });

    it("maps SCRIPT LOAD of a #!lua script to the sha1 the caller computes", async () => {
      const script = `#!lua flags=allow-key-locking\nreturn "${runId}-loaded"`;
      const client = redis();
      expect(await client.scriptLoad(script)).toBe(sha1(script));
      expect(await client.evalsha(sha1(script), [], [])).toBe(`${runId}-loaded`);
    });
  });

  describe("@upstash/ratelimit through the bridge", () => {
    const prefix = `${cacheKeyPrefix}${runId}:ratelimit`;
    afterAll(async () => {
      const client = createClient({ url: REDIS_URL, RESP: 2 });
      await client.connect();
      try {
        const keys: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) keys.push(...batch);
        if (keys.length) await client.del(keys);
      } finally {
        await client.close();
      }
    });

    it("slidingWindow allows the limit, then refuses", async () => {
      const limiter = new Ratelimit({
        redis: new Redis({ url: bridge().url, token: bridge().token }),
        limiter: Ratelimit.slidingWindow(3, "30 s"),
        prefix,
        analytics: false,
        ephemeralCache: false,
      });
      const results = [];
      for (let i = 0; i < 4; i++) {
        const result = await limiter.limit("subject");
        await result.pending;
        results.push({ success: result.success, remaining: result.remaining });
      }
      expect(results).toEqual([
        { success: true, remaining: 2 },
        { success: true, remaining: 1 },
        { success: true, remaining: 0 },
        { success: false, remaining: 0 },
      ]);
    });
  });
});
