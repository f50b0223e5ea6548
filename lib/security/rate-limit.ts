/**
 * Named rate-limit policies, counted through the cache driver (in-memory or Upstash), so
 * every instance shares the same counts in production.
 *
 * The shared store may fail (Upstash down): then counts come from this process alone, with one
 * log line per outage. Every attempt is also counted in-process, and a check takes the larger of
 * the two counts, so a lock taken during an outage still holds on this instance afterwards, and
 * an outage never turns into "no limit" or into a wrong answer to the user.
 */
import { createHash } from "node:crypto";
import type { Cache } from "@/lib/cache";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { getLogger } from "@/lib/observability/logger";

export const rateLimitPolicies = {
  /** Failed sign-ins per account (email), from any address: rotating addresses gains nothing. */
  loginFailures: { limit: 5, windowSeconds: 15 * 60 },
  /** Failed sign-ins per client address, over all emails (password spraying). */
  loginFailuresPerAddress: { limit: 20, windowSeconds: 15 * 60 },
  /** First-run setup attempts per client address (each one may hash a password). */
  setupAttempts: { limit: 10, windowSeconds: 15 * 60 },
  /** Invite acceptance attempts per IP (guessing tokens). */
  inviteAttempts: { limit: 20, windowSeconds: 15 * 60 },
  /** "Collect now" bridge calls per workspace: RED throttles logged-in sessions that scrape fast. */
  bridgeCollect: { limit: 20, windowSeconds: 10 * 60 },
} as const;

export type RateLimitPolicy = keyof typeof rateLimitPolicies;

function keyFor(policy: RateLimitPolicy, subject: string): string {
  // Hash the subject: emails and IPs do not belong in cache keys in plain text.
  return `rl:${policy}:${createHash("sha256").update(subject).digest("base64url").slice(0, 32)}`;
}

type Local = { counts: Cache; sharedDown: boolean };
/** In-process counts, per shared cache (tests run several caches side by side). */
const locals = new WeakMap<Cache, Local>();

function localFor(cache: Cache): Local {
  return locals.get(cache) ?? locals.set(cache, { counts: createInProcessCache(10_000), sharedDown: false }).get(cache)!;
}

/** Runs `op` on the shared store; undefined when it failed (logged once per outage). */
async function shared<T>(cache: Cache, op: (store: Cache) => Promise<T>): Promise<T | undefined> {
  const local = localFor(cache);
  try {
    const result = await op(cache.strict ?? cache);
    if (local.sharedDown) {
      local.sharedDown = false;
      getLogger().info("rate limits: shared store answering again");
    }
    return result;
  } catch (error) {
    if (!local.sharedDown) {
      local.sharedDown = true;
      getLogger().warn({ err: error }, "rate limits: shared store unreachable, counting in this process until it answers");
    }
    return undefined;
  }
}

async function countOf(cache: Cache, key: string): Promise<number> {
  const [remote, here] = await Promise.all([shared(cache, (s) => s.get<number>(key)), localFor(cache).counts.get<number>(key)]);
  return Math.max(Number(remote ?? 0), Number(here ?? 0));
}

export async function isRateLimited(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<boolean> {
  return (await countOf(cache, keyFor(policy, subject))) >= rateLimitPolicies[policy].limit;
}

/** Seconds until a limited subject may try again; null when it is not limited. */
export async function rateLimitRetryAfter(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<number | null> {
  const key = keyFor(policy, subject);
  if ((await countOf(cache, key)) < rateLimitPolicies[policy].limit) return null;
  const [remote, here] = await Promise.all([shared(cache, (s) => s.ttl(key)), localFor(cache).counts.ttl(key)]);
  return Math.max(remote ?? 0, here ?? 0) || rateLimitPolicies[policy].windowSeconds;
}

export async function recordAttempt(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<number> {
  const key = keyFor(policy, subject);
  const { windowSeconds } = rateLimitPolicies[policy];
  const [remote, here] = await Promise.all([
    shared(cache, (s) => s.incr(key, windowSeconds)),
    localFor(cache).counts.incr(key, windowSeconds),
  ]);
  return Math.max(remote ?? 0, here);
}

export async function clearAttempts(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<void> {
  const key = keyFor(policy, subject);
  await Promise.all([shared(cache, (s) => s.del(key)), localFor(cache).counts.del(key)]);
}

export function accountSubject(email: string): string {
  return email.trim().toLowerCase();
}
