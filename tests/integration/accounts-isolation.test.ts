import { beforeAll, describe, expect, it } from "vitest";
import * as checkRoute from "@/app/api/v1/accounts/[id]/check-connection/route";
import * as accountRoute from "@/app/api/v1/accounts/[id]/route";
import * as bulkRoute from "@/app/api/v1/accounts/bulk/route";
import * as optionsRoute from "@/app/api/v1/accounts/options/route";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import type { Db } from "@/db/client";
import type { Account } from "@/db/schema";
import { getAccount } from "@/lib/accounts/queries";
import { createAccount } from "@/lib/accounts/create-account";
import { runBulkAction } from "@/lib/accounts/bulk-accounts";
import { updateAccount } from "@/lib/accounts/update-account";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import type { WorkspaceContext } from "@/lib/auth/context";
import { updateMember } from "@/lib/members/update-member";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("account isolation: a member granted A and B never reaches C", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let a: Account, b: Account, c: Account;
  let limited: { ctx: WorkspaceContext; token: string; memberId: string };

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    [a, b, c] = await Promise.all(
      ["A", "B", "C"].map((x) => createAccount(db, ws.admin, { name: `账号${x}`, redId: `iso_${x}`, groups: ["同组"] })),
    );
    const m = await memberWithToken(db, ws.admin, "operator", "limited@example.com");
    await updateMember(db, ws.admin, m.memberId, { accountScope: "granted", accountIds: [a.id, b.id] });
    const ctx = await loadWorkspaceContext(db, { userId: m.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    limited = { ctx: ctx!, token: m.token, memberId: m.memberId };
  });

  it("lib: list, read, edit and bulk-act see only A and B", async () => {
    expect((await loadMatrix(db, limited.ctx, { group: "同组" })).accounts.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(await getAccount(db, limited.ctx, c.id)).toBeNull();
    await expect(updateAccount(db, limited.ctx, c.id, { bio: "hijack" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runBulkAction(db, limited.ctx, { action: "pause", accountIds: [a.id, c.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getAccount(db, ws.admin, a.id))?.status).toBe("active");
  });

  it("API: the header switcher's options list only A and B", async () => {
    const res = await callRoute(optionsRoute.GET, "/api/v1/accounts/options", { token: limited.token });
    expect(res.status).toBe(200);
    expect(res.json.accounts.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("API: C answers 404 (not 403) for read, edit, connection check and bulk, and nothing changes", async () => {
    const { token } = limited;
    const list = await callRoute(accountsRoute.GET, "/api/v1/accounts", { token });
    expect(list.json.accounts.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await callRoute(accountRoute.GET, `/api/v1/accounts/${c.id}`, { token, params: { id: c.id } })).status).toBe(404);
    const edit = await callRoute(accountRoute.PATCH, `/api/v1/accounts/${c.id}`, {
      method: "PATCH",
      token,
      params: { id: c.id },
      body: { status: "paused" },
    });
    expect(edit.status).toBe(404);
    expect(
      (await callRoute(checkRoute.POST, `/api/v1/accounts/${c.id}/check-connection`, { method: "POST", token, params: { id: c.id } }))
        .status,
    ).toBe(404);
    const bulk = await callRoute(bulkRoute.POST, "/api/v1/accounts/bulk", {
      method: "POST",
      token,
      body: { action: "set_tags", accountIds: [a.id, b.id, c.id], tags: ["x"] },
    });
    expect(bulk.status).toBe(404);
    const after = await getAccount(db, ws.admin, c.id);
    expect(after).toMatchObject({ status: "active", tags: [] });
    expect((await getAccount(db, ws.admin, a.id))?.tags).toEqual([]);
  });

  it("API: bulk on A and B works and reports one result per account", async () => {
    const bulk = await callRoute(bulkRoute.POST, "/api/v1/accounts/bulk", {
      method: "POST",
      token: limited.token,
      body: { action: "pause", accountIds: [a.id, b.id], reason: "春节休息" },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.json.results).toEqual([
      expect.objectContaining({ accountId: a.id, ok: true, status: "paused" }),
      expect.objectContaining({ accountId: b.id, ok: true, status: "paused" }),
    ]);
    expect((await getAccount(db, ws.admin, a.id))?.statusReason).toBe("春节休息");
  });

  it("grants and revokes per account (admin), and an operator without members.manage cannot", async () => {
    const analyst = await memberWithToken(db, ws.admin, "analyst", "analyst@example.com");
    await updateMember(db, ws.admin, analyst.memberId, { accountScope: "granted", accountIds: [] });
    await runBulkAction(db, ws.admin, { action: "grant", accountIds: [c.id], memberIds: [analyst.memberId] });
    const seen = await loadWorkspaceContext(db, { userId: analyst.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    expect(seen?.accountIds).toEqual([c.id]);
    expect((await loadMatrix(db, ws.admin, { member: analyst.memberId })).accounts.map((x) => x.id)).toEqual([c.id]);
    await runBulkAction(db, ws.admin, { action: "revoke", accountIds: [c.id], memberIds: [analyst.memberId] });
    expect(
      (await loadWorkspaceContext(db, { userId: analyst.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" }))?.accountIds,
    ).toEqual([]);
    await expect(
      runBulkAction(db, limited.ctx, { action: "grant", accountIds: [a.id], memberIds: [analyst.memberId] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
