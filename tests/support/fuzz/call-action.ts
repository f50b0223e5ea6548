/**
 * Calls a real server action in-process inside the request scope Next gives an action: a work
 * store (so revalidatePath works) and a request store in the "action" phase carrying the
 * request's headers (so headers()/cookies() read the session cookie). Our code runs unmodified;
 * only Next's per-request context is built here, the way Next's action handler builds it.
 */
import { encode } from "next-auth/jwt";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";

const sessionCookieName = "authjs.session-token";

/** A session cookie exactly as Auth.js sets it at sign-in (uid + session version). */
export async function sessionCookieFor(userId: string, sessionVersion: number, secret: string): Promise<string> {
  const value = await encode({ token: { uid: userId, sv: sessionVersion }, secret, salt: sessionCookieName });
  return `${sessionCookieName}=${value}`;
}

export async function callAction<T>(page: string, headers: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const url = new URL(`http://localhost:3000${page}`);
  const workStore = createWorkStore({
    page: `${page}/page`,
    // revalidatePath only needs an incremental cache to exist; the tags it records are dropped.
    renderOpts: { experimental: {}, incrementalCache: {}, cacheLifeProfiles: {}, cacheComponents: false } as never,
    isPrefetchRequest: false,
    buildId: "fuzz",
    deploymentId: "fuzz",
    previouslyRevalidatedTags: [],
  } as never);
  const requestStore = createRequestStoreForAPI(
    { headers: { host: "localhost:3000", ...headers } } as never,
    url as never,
    undefined as never,
    undefined,
    undefined as never,
    undefined,
  );
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, run));
}
