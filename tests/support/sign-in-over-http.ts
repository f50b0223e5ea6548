/**
 * Signs in through the real Auth.js credentials route served over HTTP (serve-route.ts): fetch
 * the CSRF token and its cookie, then POST the form as the login page does. Answers whether a
 * session cookie came back and the error code Auth.js put in the redirect (`?code=`).
 */
import { handlers } from "@/lib/next/auth";
import { serveRoutes } from "./serve-route";

export async function serveAuthRoutes() {
  return serveRoutes({ "/api/auth/csrf": handlers.GET, "/api/auth/callback/credentials": handlers.POST });
}

export async function signInOverHttp(
  baseUrl: string,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const signedIn = res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
  const location = res.headers.get("location") ?? "";
  const code = location ? new URL(location, baseUrl).searchParams.get("code") : null;
  return { signedIn, status: res.status, code, location };
}
