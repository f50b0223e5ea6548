/**
 * TRUST_PROXY=1: one proxy of ours in front, which appends the address it saw to
 * X-Forwarded-For. The client address is that last entry; anything the client wrote to the left
 * of it is ignored. Through the real Auth.js route over HTTP, as sign-in-client-address.test.ts.
 */
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEnv, getEnv } from "@/lib/env";
import { installPeerAddressStamp } from "@/lib/next/peer-address";
import { clientIp } from "@/lib/next/request-info";
import { adminCredentials, memberWithToken, setUpWorkspace } from "../support/fixtures";
import { serveRoutes } from "../support/serve-route";
import { serveAuthRoutes, signInOverHttp } from "../support/sign-in-over-http";
import { migratedDb } from "../support/test-db";

process.env.TRUST_PROXY = "1";

describe("TRUST_PROXY=1", () => {
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let auth: Awaited<ReturnType<typeof serveAuthRoutes>>;
  beforeAll(async () => {
    installPeerAddressStamp();
    ws = await setUpWorkspace(await migratedDb());
    auth = await serveAuthRoutes();
  });
  afterAll(() => auth.close());

  it("reads the hop count from the environment (default 0: trust no proxy)", () => {
    expect(getEnv().trustProxyHops).toBe(1);
    const base = { NODE_ENV: "test", DATA_DIR: "/tmp/rm-env" } as const;
    expect(buildEnv(base).trustProxyHops).toBe(0);
    expect(() => buildEnv({ ...base, TRUST_PROXY: "many" })).toThrow(/TRUST_PROXY/);
  });

  it("takes the entry the proxy appended (n-th from the right), and the socket when there is none", async () => {
    const echo = await serveRoutes({ "/ip": async (req: NextRequest) => Response.json({ ip: clientIp(req.headers) }) });
    const ipFor = async (headers: Record<string, string>) =>
      ((await (await fetch(`${echo.url}/ip`, { headers })).json()) as { ip: string }).ip;
    try {
      expect(await ipFor({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" })).toBe("203.0.113.9");
      expect(await ipFor({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
      expect(await ipFor({})).toBe("127.0.0.1");
    } finally {
      await echo.close();
    }
  });

  it("locks the address the proxy saw, whatever the client put in front of it; other clients still sign in", async () => {
    const other = await memberWithToken(await migratedDb(), ws.admin, "operator");
    for (let i = 0; i < 20; i++) {
      const guess = await signInOverHttp(
        auth.url,
        { email: `spray-${i}@example.com`, password: "password-guess" },
        { "x-forwarded-for": `10.0.0.${i}, 203.0.113.9` },
      );
      expect(guess.code).toBe("invalid_credentials");
    }
    const locked = await signInOverHttp(
      auth.url,
      { email: other.email, password: other.password },
      { "x-forwarded-for": "10.9.9.9, 203.0.113.9" },
    );
    expect(locked).toMatchObject({ signedIn: false, code: expect.stringMatching(/^locked:\d+$/) });
    const elsewhere = await signInOverHttp(auth.url, adminCredentials, { "x-forwarded-for": "203.0.113.9, 203.0.113.10" });
    expect(elsewhere.signedIn).toBe(true);
  });
});
