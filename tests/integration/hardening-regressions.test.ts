/**
 * Issue #13's findings, each through the real route or library call that reproduced it; each
 * failed (500, or let the request through) before the fix.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/competitor-imports/route";
import * as draftSearchRoute from "@/app/api/v1/drafts/search/route";
import * as draftsRoute from "@/app/api/v1/drafts/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as markPublishedRoute from "@/app/api/v1/publish-jobs/[id]/mark-published/route";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { changePassword } from "@/lib/auth/change-password";
import { endSessions } from "@/lib/auth/end-sessions";
import { callRoute } from "../support/call-route";
import { adminCredentials, setUpOtherWorkspace, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const cookieName = "authjs.session-token";
const sessionCookie = async (uid: string, sv: number) =>
  `${cookieName}=${await encode({ token: { uid, sv }, secret: process.env.AUTH_SECRET!, salt: cookieName })}`;

describe("hardening regressions", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let token = "";
  let otherToken = "";
  const sv = async () => (await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, ws.userId)))[0].sv;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
    otherToken = (await setUpOtherWorkspace(db)).token;
  });

  it("refuses a draft document nested 5,000 levels deep with 422 instead of overflowing the validator", async () => {
    const depth = 5000;
    const node = `${'{"type":"blockquote","content":['.repeat(depth)}{"type":"text","text":"深"}${"]}".repeat(depth)}`;
    const rawBody = `{"title":"深","doc":{"type":"doc","content":[${node}]}}`;
    const res = await callRoute(draftsRoute.POST, "/api/v1/drafts", { method: "POST", token, rawBody });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("INPUT_TOO_COMPLEX");
  });

  it("searches and lists drafts for a term with a NUL byte without a 500", async () => {
    // FTS5 only parses the query when the index has rows.
    await callRoute(draftsRoute.POST, "/api/v1/drafts", { method: "POST", token, body: { title: "草稿标题 abc", text: "正文 abc" } });
    for (const q of ["a\u0000b", "\u0000", "草稿\u0000标题", '"\u0000"', "ab\u0000"]) {
      const search = await callRoute(draftSearchRoute.GET, "/api/v1/drafts/search", { token, search: { q } });
      expect(search.status, JSON.stringify(q)).toBeLessThan(500);
      const list = await callRoute(draftsRoute.GET, "/api/v1/drafts", { token, search: { q } });
      expect(list.status, JSON.stringify(q)).toBeLessThan(500);
    }
  });

  it("answers 404 (not 500) when an import reuses another workspace's run id, and 409 for its own", async () => {
    const csv = fs.readFileSync(path.join("tests", "fixtures", "mediacrawler", "xhs_notes.csv"), "utf8");
    const headers = { "content-type": "text/csv" };
    const mine = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: otherToken,
      rawBody: csv,
      headers,
      search: { fileName: "a.csv", runId: "imp_reusedrun12345" },
    });
    expect(mine.status).toBeLessThan(500);
    const foreign = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token,
      rawBody: csv,
      headers,
      search: { fileName: "a.csv", runId: "imp_reusedrun12345" },
    });
    expect(foreign.status).toBe(404);
    const again = await callRoute(importRoute.POST, "/x", {
      method: "POST",
      token: otherToken,
      rawBody: csv,
      headers,
      search: { fileName: "a.csv", runId: "imp_reusedrun12345" },
    });
    expect(again.status).toBe(409);
  });

  it("refuses cookie-authenticated writes from another origin or as text/plain; same-origin JSON and tokens pass", async () => {
    const cookie = await sessionCookie(ws.userId, await sv());
    const member = (email: string) => ({ email, name: "新成员", role: "analyst", method: "password" });
    const post = (headers: Record<string, string>, body: unknown, bearer?: string) =>
      callRoute(membersRoute.POST, "/api/v1/members", {
        method: "POST",
        rawBody: JSON.stringify(body),
        headers: { "x-workspace": ws.slug, ...headers },
        token: bearer,
      });

    const foreign = await post(
      { cookie, origin: "http://127.0.0.1:8080", host: "localhost:3000", "content-type": "text/plain" },
      member("a@example.com"),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe("CROSS_ORIGIN");
    const crossSite = await post(
      { cookie, "sec-fetch-site": "cross-site", host: "localhost:3000", "content-type": "application/json" },
      member("b@example.com"),
    );
    expect(crossSite.status).toBe(403);
    const plain = await post(
      { cookie, origin: "http://localhost:3000", host: "localhost:3000", "content-type": "text/plain" },
      member("c@example.com"),
    );
    expect(plain.status).toBe(415);
    expect(plain.json.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await db.select().from(users).where(eq(users.email, "a@example.com"))).toHaveLength(0);

    const ok = await post(
      { cookie, origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
      member("d@example.com"),
    );
    expect(ok.status).toBe(201);
    const viaToken = await post({ origin: "http://elsewhere.example", "content-type": "text/plain" }, member("e@example.com"), token);
    expect(viaToken.status).toBe(201); // a token is no ambient credential
  });

  it("accepts only http(s) links when marking a job as published", async () => {
    const res = await callRoute(markPublishedRoute.POST, "/x", {
      method: "POST",
      token,
      params: { id: "job_whatever" },
      body: { url: "javascript:alert(1)" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.fieldErrors).toHaveProperty("url");
  });

  it("ends the session on the server at sign-out: a copied cookie stops working", async () => {
    const cookie = await sessionCookie(ws.userId, await sv());
    const me = () => callRoute(meRoute.GET, "/api/v1/me", { headers: { cookie, "x-workspace": ws.slug } });
    expect((await me()).status).toBe(200);
    await endSessions(db, ws.userId);
    expect((await me()).status).toBe(401);
  });

  it("revokes the user's API tokens when the password changes", async () => {
    const own = (await createApiToken(db, ws.admin, { name: "mine", permissions: ["drafts.read"], expiresInDays: 1 })).token;
    const me = () => callRoute(meRoute.GET, "/api/v1/me", { token: own });
    expect((await me()).status).toBe(200);
    const changed = await changePassword(db, ws.admin, { currentPassword: adminCredentials.password, newPassword: "a new long password" });
    expect(changed.revokedTokens).toBeGreaterThanOrEqual(2); // "all" and "mine"
    expect((await me()).status).toBe(401);
    expect((await callRoute(meRoute.GET, "/api/v1/me", { token: otherToken })).status).toBe(200); // another user's token lives on
  });
});
