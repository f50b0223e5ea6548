/** Bad input through the real routes: always a clear 4xx with code, zh-CN/en message and suggestion; nothing stored. */
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import * as auditExportRoute from "@/app/api/v1/audit/export/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { setUpWorkspace } from "../support/fixtures";
import { callRoute } from "../support/call-route";
import { migratedDb } from "../support/test-db";

describe("API bad input", () => {
  let db: Db;
  let token = "";
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const accountCount = async () => (await db.select({ n: count() }).from(accounts))[0].n;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
  });

  const post = (options: Parameters<typeof callRoute>[2]) =>
    callRoute(accountsRoute.POST, "/api/v1/accounts", { method: "POST", token, ...options });

  it.each([
    ["malformed JSON", { rawBody: '{"name": "坏' }, 400, "INVALID_JSON"],
    ["wrong types", { body: { name: 42, redId: ["x"] } }, 400, "VALIDATION_FAILED"],
    ["unknown fields", { body: { name: "号", redId: "ok_id", isAdmin: true } }, 400, "VALIDATION_FAILED"],
    ["an empty name", { body: { name: "  ", redId: "ok_id" } }, 400, "VALIDATION_FAILED"],
    ["a body over 1 MB", { rawBody: JSON.stringify({ name: "x".repeat(1_100_000), redId: "big" }) }, 413, "PAYLOAD_TOO_LARGE"],
    ["a JSON array", { body: [1, 2, 3] }, 400, "VALIDATION_FAILED"],
  ])("rejects %s", async (_label, options, status, code) => {
    const before = await accountCount();
    const res = await post(options);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.messages.en).toBeTruthy();
    expect(res.json.error.messages["zh-CN"]).toBeTruthy();
    expect(res.json.error.suggestion).toBeTruthy();
    expect(await accountCount()).toBe(before);
  });

  it("names the offending fields", async () => {
    const res = await post({ body: { name: "号", redId: "has spaces!" } });
    expect(res.json.error.fieldErrors.redId).toBeTruthy();
  });

  it("answers in English when asked, Chinese by default", async () => {
    const zh = await post({ rawBody: "{" });
    const en = await post({ rawBody: "{", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(zh.json.error.message).toMatch(/JSON/);
    expect(zh.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.json.error.message).toBe("The request body is not valid JSON.");
  });

  it("answers 409 for a duplicate RED id and keeps one row", async () => {
    expect((await post({ body: { name: "小鹿", redId: "dup_id" } })).status).toBe(201);
    const again = await post({ body: { name: "小鹿二号", redId: "dup_id" } });
    expect(again.status).toBe(409);
    expect(again.json.error.fieldErrors.redId).toBeTruthy();
  });

  it("rejects bad query parameters with 400", async () => {
    const res = await callRoute(auditRoute.GET, "/api/v1/audit", { token, search: { limit: "100000" } });
    expect(res.status).toBe(400);
    const unknown = await callRoute(auditRoute.GET, "/api/v1/audit", { token, search: { drop: "table" } });
    expect(unknown.status).toBe(400);
  });

  it("will not let a token grant more than its creator has", async () => {
    const narrow = (await createApiToken(db, ws.admin, { name: "narrow", permissions: ["tokens.manage"], expiresInDays: 1 })).token;
    const res = await callRoute(tokensRoute.POST, "/api/v1/tokens", {
      method: "POST",
      token: narrow,
      body: { name: "wide", permissions: ["audit.read"] },
    });
    expect(res.status).toBe(403);
    const refused = await callRoute(accountsRoute.GET, "/api/v1/accounts", { token: narrow });
    expect(refused.status).toBe(403);
  });

  it("stops accepting a token once revoked, and 404s an unknown token id", async () => {
    const created = await createApiToken(db, ws.admin, { name: "short-lived", permissions: ["accounts.read"], expiresInDays: 1 });
    expect((await callRoute(accountsRoute.GET, "/api/v1/accounts", { token: created.token })).status).toBe(200);
    expect((await callRoute(tokenRoute.DELETE, "/api/v1/tokens/x", { method: "DELETE", token, params: { id: created.id } })).status).toBe(
      204,
    );
    expect((await callRoute(accountsRoute.GET, "/api/v1/accounts", { token: created.token })).status).toBe(401);
    expect((await callRoute(tokenRoute.DELETE, "/api/v1/tokens/x", { method: "DELETE", token, params: { id: "tok_nope" } })).status).toBe(
      404,
    );
  });

  it("exports the audit log as CSV without secrets", async () => {
    const res = await callRoute(auditExportRoute.GET, "/api/v1/audit/export", { token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.text).toContain("accounts.create");
    expect(res.text).not.toContain(token);
    expect(res.text).not.toContain("correct horse battery");
  });
});
