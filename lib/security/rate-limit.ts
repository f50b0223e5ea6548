/**
 * Named rate-limit policies, counted through the cache driver (in-memory or Upstash), so
 * every instance shares the same counts in production.
 */
import { createHash } from "node:crypto";
import type { Cache } from "@/lib/cache";

export const rateLimitPolicies = {
  /** Failed sign-ins per email + IP. Only failures count; a success clears the counter. */
  loginFailures: { limit: 5, windowSeconds: 15 * 60 },
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

export async function isRateLimited(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<boolean> {
  const count = await cache.get<number>(keyFor(policy, subject));
  return (count ?? 0) >= rateLimitPolicies[policy].limit;
}

export async function recordAttempt(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<number> {
  return cache.incr(keyFor(policy, subject), rateLimitPolicies[policy].windowSeconds);
}

export async function clearAttempts(cache: Cache, policy: RateLimitPolicy, subject: string): Promise<void> {
  await cache.del(keyFor(policy, subject));
}

export function loginSubject(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}
