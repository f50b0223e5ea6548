/**
 * Sign-in limits count the real client, through the real Auth.js credentials route over HTTP
 * (tests/support/sign-in-over-http.ts) with the socket-address stamp that instrumentation.ts
 * installs in the server (lib/next/peer-address.ts). Without TRUST_PROXY, X-Forwarded-For is
 * the client's own text: rotating it must not buy guesses, and the right password must not sign
 * in while the account is locked. (TRUST_PROXY=1: sign-in-trust-proxy.test.ts.)
 */
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, errorBody } from "@/lib/errors/app-error";
import { lockedMinutesOf } from "@/lib/next/authorize-credentials";
import { installPeerAddressStamp } from "@/lib/next/peer-address";
import { clientIp } from "@/lib/next/request-info";
import { adminCredentials, memberWithToken, setUpWorkspace } from "../support/fixtures";
import { serveRoutes } from "../support/serve-route";
import { serveAuthRoutes, signInOverHttp } from "../support/sign-in-over-http";
import { migratedDb } from "../support/test-db";

describe("sign-in counts the socket address, not X-Forwarded-For", () => {
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let auth: Awaited<ReturnType<typeof serveAuthRoutes>>;
  beforeAll(async () => {
    installPeerAddressStamp();
    ws = await setUpWorkspace(await migratedDb());
    auth = await serveAuthRoutes();
  });
  afterAll(() => auth.close());

  it("takes the client address from the socket; X-Forwarded-For, X-Real-IP and a guessed stamp header are ignored", async () => {
    const echo = await serveRoutes({ "/ip": async (req: NextRequest) => Response.json({ ip: clientIp(req.headers) }) });
    try {
      const res = await fetch(`${echo.url}/ip`, {
        headers: { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", "x-redmatrix-peer": "9.9.9.9" },
      });
      expect(await res.json()).toEqual({ ip: "127.0.0.1" });
    } finally {
      await echo.close();
    }
  });

  it("rotating X-Forwarded-For gains no guesses, and the right password does not sign in while the account is locked", async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await signInOverHttp(
        auth.url,
        { ...adminCredentials, password: `wrong-${i}` },
        { "x-forwarded-for": `198.51.100.${i}` },
      );
      expect(wrong).toMatchObject({ signedIn: false, code: "invalid_credentials" });
    }
    const right = await signInOverHttp(auth.url, adminCredentials, { "x-forwarded-for": "198.51.100.77" });
    expect(right.signedIn).toBe(false);
    expect(lockedMinutesOf(right.code ?? undefined)).toBe(15);
    // What the sign-in form then shows: not "wrong password", but when to try again.
    const shown = errorBody(new AppError("SIGN_IN_LOCKED", { details: { minutes: 15 } }), "zh-CN");
    expect(shown.message).not.toBe(errorBody(new AppError("INVALID_CREDENTIALS"), "zh-CN").message);
    expect(shown.suggestion).toBe("请在 15 分钟后再试；忘记密码请联系管理员。");
  });

  it("locks an address that sprays passwords over many emails, whatever X-Forwarded-For says", async () => {
    const other = await memberWithToken(await migratedDb(), ws.admin, "operator");
    for (let i = 0; i < 20; i++) {
      const guess = await signInOverHttp(
        auth.url,
        { email: `spray-${i}@example.com`, password: "password-guess" },
        { "x-forwarded-for": `203.0.113.${i}` },
      );
      expect(guess.code).toMatch(/^(invalid_credentials|locked:\d+)$/);
    }
    const right = await signInOverHttp(auth.url, { email: other.email, password: other.password }, { "x-forwarded-for": "203.0.113.200" });
    expect(right.signedIn).toBe(false);
    expect(right.code).toMatch(/^locked:\d+$/);
  });
});
