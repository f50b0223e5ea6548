/**
 * Checks an email and password. Failures are counted per email + IP through the cache driver
 * (5 per 15 minutes); the answer never says whether the email exists.
 */
import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, users } from "@/db/schema";
import type { Cache } from "@/lib/cache";
import { AppError } from "@/lib/errors/app-error";
import { clearAttempts, isRateLimited, loginSubject, recordAttempt } from "@/lib/security/rate-limit";
import { decoyHash, verifyPassword } from "./password";
import { recordSignIn } from "./record-sign-in";

export type AuthenticatedUser = { id: string; name: string; email: string; sessionVersion: number; locale: "zh-CN" | "en" };

export async function authenticate(
  db: DbOrTx,
  cache: Cache,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase();
  const subject = loginSubject(email, input.ip);
  if (await isRateLimited(cache, "loginFailures", subject)) throw new AppError("RATE_LIMITED");

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const active = user && passwordOk ? await hasActiveMembership(db, user.id) : false;

  if (!user || !passwordOk || !active) {
    await recordAttempt(cache, "loginFailures", subject);
    if (user) await recordSignIn(db, user, "failure", input.ip);
    throw new AppError("INVALID_CREDENTIALS");
  }
  await clearAttempts(cache, "loginFailures", subject);
  await recordSignIn(db, user, "success", input.ip);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, locale: user.locale };
}

async function hasActiveMembership(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.status, "active")));
  return row.n > 0;
}
