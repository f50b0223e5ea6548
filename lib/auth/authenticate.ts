/**
 * Checks an email and password. Failures are counted per account (email, from any address) and
 * per client address (over all emails) through the rate limiter; either limit locks sign-in with
 * SIGN_IN_LOCKED ("try again in N minutes"), checked before the password, so the right password
 * does not sign in while locked. A wrong password answers the same whether the email exists.
 */
import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, users } from "@/db/schema";
import type { Cache } from "@/lib/cache";
import { AppError } from "@/lib/errors/app-error";
import { accountSubject, clearAttempts, rateLimitRetryAfter, recordAttempt } from "@/lib/security/rate-limit";
import { decoyHash, verifyPassword } from "./password";
import { recordSignIn } from "./record-sign-in";

export type AuthenticatedUser = { id: string; name: string; email: string; sessionVersion: number; locale: "zh-CN" | "en" };

export async function authenticate(
  db: DbOrTx,
  cache: Cache,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticatedUser> {
  const email = accountSubject(input.email);
  await refuseWhileLocked(cache, email, input.ip);

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const active = user && passwordOk ? await hasActiveMembership(db, user.id) : false;

  if (!user || !passwordOk || !active) {
    await Promise.all([recordAttempt(cache, "loginFailures", email), recordAttempt(cache, "loginFailuresPerAddress", input.ip)]);
    if (user) await recordSignIn(db, user, "failure", input.ip);
    throw new AppError("INVALID_CREDENTIALS");
  }
  await clearAttempts(cache, "loginFailures", email);
  await recordSignIn(db, user, "success", input.ip);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, locale: user.locale };
}

async function refuseWhileLocked(cache: Cache, email: string, ip: string): Promise<void> {
  const waits = await Promise.all([
    rateLimitRetryAfter(cache, "loginFailures", email),
    rateLimitRetryAfter(cache, "loginFailuresPerAddress", ip),
  ]);
  const seconds = Math.max(...waits.map((w) => w ?? 0));
  if (seconds > 0) throw new AppError("SIGN_IN_LOCKED", { details: { minutes: Math.max(1, Math.ceil(seconds / 60)) } });
}

async function hasActiveMembership(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.status, "active")));
  return row.n > 0;
}
