/**
 * API routes and pages read the Auth.js session cookie by decrypting it (lib/next/session-token.ts)
 * rather than through auth(): a real cookie signs in, and a forged, stale or absent one does not.
 */
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as optionsRoute from "@/app/api/v1/accounts/options/route";
import * as meRoute from "@/app/api/v1/me/route";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { changePassword } from "@/lib/auth/change-password";
import { readSessionUser } from "@/lib/next/session-token";
import { callRoute } from "../support/call-route";
import { adminCredentials, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const cookieName = "authjs.session-token";
const secret = process.env.AUTH_SECRET!;

async function sessionCookie(claims: Record<string, unknown>, options: { secret?: string; name?: string; maxAge?: number } = {}) {
  const name = options.name ?? cookieName;
  return `${name}=${await encode({ token: claims, secret: options.secret ?? secret, salt: name, maxAge: options.maxAge })}`;
}

describe("session cookie", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let sv: number;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    await createAccount(db, ws.admin, { name: "会话号", redId: "session_acc" });
    [{ sv }] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, ws.userId));
  });

  it("reads the user and session version from a cookie Auth.js would have set, plain or __Secure-", async () => {
    expect(await readSessionUser(new Headers({ cookie: await sessionCookie({ uid: ws.userId, sv }) }))).toEqual({
      id: ws.userId,
      sessionVersion: sv,
    });
    const secure = await sessionCookie({ uid: ws.userId, sv }, { name: `__Secure-${cookieName}` });
    expect(await readSessionUser(new Headers({ cookie: `other=1; ${secure}` }))).toEqual({ id: ws.userId, sessionVersion: sv });
  });

  it("rejects a cookie sealed with another secret, an expired one, garbage, and a Bearer header", async () => {
    expect(
      await readSessionUser(
        new Headers({ cookie: await sessionCookie({ uid: ws.userId, sv }, { secret: "another-secret-another-secret-another" }) }),
      ),
    ).toBeNull();
    expect(await readSessionUser(new Headers({ cookie: await sessionCookie({ uid: ws.userId, sv }, { maxAge: -3600 }) }))).toBeNull();
    expect(await readSessionUser(new Headers({ cookie: `${cookieName}=not-a-jwe` }))).toBeNull();
    const jwe = (await sessionCookie({ uid: ws.userId, sv })).split("=")[1];
    expect(await readSessionUser(new Headers({ authorization: `Bearer ${jwe}` }))).toBeNull();
  });

  it("signs API calls in with the cookie; the switcher's options list the workspace's accounts", async () => {
    const headers = { cookie: await sessionCookie({ uid: ws.userId, sv }), "x-workspace": ws.slug };
    const me = await callRoute(meRoute.GET, "/api/v1/me", { headers });
    expect(me.status).toBe(200);
    const options = await callRoute(optionsRoute.GET, "/api/v1/accounts/options", { headers });
    expect(options.status).toBe(200);
    expect(options.json.accounts).toEqual([expect.objectContaining({ name: "会话号", redId: "session_acc", status: "active" })]);
    expect(Object.keys(options.json.accounts[0]).sort()).toEqual(["id", "name", "redId", "status"]);
  });

  it("answers 401 once the session version moved on (password changed: every session ends)", async () => {
    const headers = { cookie: await sessionCookie({ uid: ws.userId, sv }), "x-workspace": ws.slug };
    await changePassword(db, ws.admin, { currentPassword: adminCredentials.password, newPassword: "another horse battery staple" });
    expect((await callRoute(meRoute.GET, "/api/v1/me", { headers })).status).toBe(401);
    expect((await callRoute(optionsRoute.GET, "/api/v1/accounts/options", { headers })).status).toBe(401);
  });
});
