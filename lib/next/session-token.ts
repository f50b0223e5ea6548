/**
 * Reads the signed-in user from the Auth.js session cookie: decrypts the JWT, nothing more.
 * `auth()` runs the whole Auth.js request pipeline for that (CSRF token hashing, callbacks, and
 * re-encrypting a refreshed cookie that a page or route cannot even set), a few ms per call on
 * every page and API request. Sessions roll through Auth.js's own session endpoint instead
 * (components/shell/session-keep-alive.tsx).
 * Whether the session is still valid (its version, membership) is checked by the caller.
 */
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

const secureCookie = "__Secure-authjs.session-token";

export type SessionUser = { id: string; sessionVersion?: number };

export async function readSessionUser(headers: Headers): Promise<SessionUser | null> {
  const cookie = headers.get("cookie") ?? "";
  if (!cookie.includes("authjs.session-token")) return null;
  // Only the cookie: Auth.js sessions never come from an Authorization header.
  const token = await getToken({ req: { headers: { cookie } }, secret: getEnv().authSecret, secureCookie: cookie.includes(secureCookie) });
  if (!token || typeof token.uid !== "string") return null;
  return { id: token.uid, sessionVersion: typeof token.sv === "number" ? token.sv : undefined };
}
