/**
 * The credentials provider's `authorize` for Auth.js (lib/next/auth.ts): parses the form, takes
 * the client address from the request (request-info.ts), and maps our errors to Auth.js's.
 * A lock travels as the CredentialsSignin code `locked:<minutes>` so the sign-in form can say
 * how long; any other AppError is a wrong email or password. A cache outage is not an error
 * here: the cache and the rate limiter degrade on their own (lib/cache/resilient-cache.ts).
 */
import { CredentialsSignin } from "next-auth";
import { getDb } from "@/lib/database";
import { authenticate } from "@/lib/auth/authenticate";
import { signInSchema } from "@/lib/auth/schemas";
import { getCache } from "@/lib/cache";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "./request-info";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export class SignInLocked extends CredentialsSignin {
  constructor(readonly minutes: number) {
    super();
    this.code = `locked:${minutes}`;
  }
}

/** Minutes from a `locked:<minutes>` code; null for any other code. */
export function lockedMinutesOf(code: string | undefined): number | null {
  const match = /^locked:(\d+)$/.exec(code ?? "");
  return match ? Number(match[1]) : null;
}

export async function authorizeCredentials(credentials: unknown, request: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new InvalidCredentials();
  try {
    const user = await authenticate(getDb(), getCache(), { ...parsed.data, ip: clientIp(request.headers) });
    return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
  } catch (error) {
    if (error instanceof AppError && error.code === "SIGN_IN_LOCKED") throw new SignInLocked(Number(error.details?.minutes ?? 15));
    if (error instanceof AppError) throw new InvalidCredentials();
    throw error;
  }
}
