/**
 * Every role against the real route handlers: the status each role gets must follow the
 * permission matrix in lib/auth/permissions.ts (not just the table: the routes themselves).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import * as auditExportRoute from "@/app/api/v1/audit/export/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import type { Db } from "@/db/client";
import { roleCan, roles, type Permission, type Role } from "@/lib/auth/permissions";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { callRoute, type CallOptions } from "../support/call-route";
import { migratedDb } from "../support/test-db";

type Probe = { name: string; permission: Permission | null; call: (token: string, n: number) => ReturnType<typeof callRoute> };

let targetMemberId = "";
const probes: Probe[] = [
  { name: "GET /me", permission: null, call: (token) => callRoute(meRoute.GET, "/api/v1/me", { token }) },
  { name: "GET /accounts", permission: "accounts.read", call: (token) => callRoute(accountsRoute.GET, "/api/v1/accounts", { token }) },
  {
    name: "POST /accounts",
    permission: "accounts.manage",
    call: (token, n) =>
      callRoute(accountsRoute.POST, "/api/v1/accounts", { method: "POST", token, body: { name: `号${n}`, redId: `red_${n}` } }),
  },
  { name: "GET /members", permission: "members.manage", call: (token) => callRoute(membersRoute.GET, "/api/v1/members", { token }) },
  {
    name: "POST /members",
    permission: "members.manage",
    call: (token, n) =>
      callRoute(membersRoute.POST, "/api/v1/members", {
        method: "POST",
        token,
        body: { email: `new${n}@example.com`, name: "新人", role: "guest" },
      }),
  },
  {
    name: "PATCH /members/:id",
    permission: "members.manage",
    call: (token) =>
      callRoute(memberRoute.PATCH, "/api/v1/members/x", {
        method: "PATCH",
        token,
        params: { id: targetMemberId },
        body: { role: "guest" },
      }),
  },
  { name: "GET /tokens", permission: "tokens.manage", call: (token) => callRoute(tokensRoute.GET, "/api/v1/tokens", { token }) },
  {
    name: "POST /tokens",
    permission: "tokens.manage",
    call: (token) =>
      callRoute(tokensRoute.POST, "/api/v1/tokens", { method: "POST", token, body: { name: "ci", permissions: ["accounts.read"] } }),
  },
  { name: "GET /audit", permission: "audit.read", call: (token) => callRoute(auditRoute.GET, "/api/v1/audit", { token }) },
  {
    name: "GET /audit/export",
    permission: "audit.read",
    call: (token) => callRoute(auditExportRoute.GET, "/api/v1/audit/export", { token }),
  },
];

describe("permission matrix against real routes", () => {
  let db: Db;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    for (const role of roles) tokens[role] = (await memberWithToken(db, ws.admin, role, `${role}-member@example.com`)).token;
    targetMemberId = (await memberWithToken(db, ws.admin, "guest", "target@example.com")).memberId;
  });

  let n = 0;
  for (const role of roles) {
    for (const probe of probes) {
      const allowed = probe.permission === null || roleCan(role, probe.permission);
      it(`${role} ${allowed ? "may" : "may not"} ${probe.name}`, async () => {
        const res = await probe.call(tokens[role], n++);
        if (allowed) {
          expect(res.status, res.text).toBeLessThan(300);
        } else {
          expect(res.status).toBe(403);
          expect(res.json.error).toMatchObject({ code: "FORBIDDEN" });
          expect(res.json.error.messages["zh-CN"]).toBeTruthy();
          expect(res.json.error.suggestion).toBeTruthy();
        }
      });
    }
  }

  it("answers 401 without a token or with an unknown one", async () => {
    for (const options of [{}, { token: "rmx_not-a-real-token" }, { headers: { authorization: "Basic abc" } }] as CallOptions[]) {
      const res = await callRoute(accountsRoute.GET, "/api/v1/accounts", options);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("UNAUTHENTICATED");
      expect(res.json.error.requestId).toMatch(/^req_/);
    }
  });
});
