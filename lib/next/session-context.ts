/** The signed-in user's WorkspaceContext for pages and server actions. */
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/database";
import type { WorkspaceContext } from "@/lib/auth/context";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { clientIp, localeCookie, localeOf, requestIdOf } from "./request-info";
import { readSessionUser, type SessionUser } from "./session-token";

export async function getSessionUser(): Promise<SessionUser | null> {
  return readSessionUser(await headers());
}

/**
 * Once per request: the layout and the page both ask, and each answer costs a session
 * decryption plus the member queries (React's cache() is per request; outside a render it
 * simply calls through).
 */
export const getSessionContext = cache(async (workspaceSlug: string): Promise<WorkspaceContext | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const h = await headers();
  return loadWorkspaceContext(getDb(), {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    workspace: { slug: workspaceSlug },
    via: "session",
    ip: clientIp(h),
    requestId: requestIdOf(h),
  });
});

/**
 * For pages, which check for themselves (there is no proxy in front of them): signed out ->
 * the sign-in page; a session that ended (revoked, no longer a member) -> the same, saying so.
 */
export async function requirePageContext(workspaceSlug: string): Promise<WorkspaceContext> {
  const ctx = await getSessionContext(workspaceSlug);
  if (ctx) return ctx;
  redirect((await getSessionUser()) ? "/login?reason=session" : "/login");
}

export async function currentLocale() {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return localeOf(h, c.get(localeCookie)?.value);
}
