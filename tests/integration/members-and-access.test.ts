import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import type { Db } from "@/db/client";
import { accounts, invites } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { getAccount, listAccounts } from "@/lib/accounts/queries";
import { authenticate } from "@/lib/auth/authenticate";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { listAudit } from "@/lib/audit/list-audit";
import { acceptInvite, findOpenInvite } from "@/lib/members/accept-invite";
import { createMember, createMemberSchema } from "@/lib/members/create-member";
import { updateMember } from "@/lib/members/update-member";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("members, invites and account grants", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("creates a member whose initial password works once shown", async () => {
    const created = await createMember(db, ws.admin, { email: "op@example.com", name: "李娜", role: "operator", method: "password" });
    expect(created.method === "password" && created.initialPassword).toBeTruthy();
    const password = created.method === "password" ? created.initialPassword! : "";
    await expect(authenticate(db, createInProcessCache(), { email: "op@example.com", password, ip: "x" })).resolves.toBeTruthy();
    await expect(
      createMember(db, ws.admin, createMemberSchema.parse({ email: " OP@example.com", name: "dup", role: "guest" })),
    ).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
  });

  it("turns an invite into a member once, and never after 7 days", async () => {
    const invite = await createMember(db, ws.admin, { email: "new@example.com", name: "王磊", role: "analyst", method: "invite" });
    if (invite.method !== "invite") throw new Error("expected invite");
    expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const [stored] = await db.select().from(invites).where(eq(invites.id, invite.inviteId));
    expect(stored.tokenHash).not.toContain(invite.inviteToken);

    await acceptInvite(db, { token: invite.inviteToken, name: "王磊", password: "analyst-password" });
    await expect(acceptInvite(db, { token: invite.inviteToken, name: "王磊", password: "analyst-password" })).rejects.toMatchObject({
      code: "INVITE_INVALID",
    });
    await expect(
      authenticate(db, createInProcessCache(), { email: "new@example.com", password: "analyst-password", ip: "x" }),
    ).resolves.toBeTruthy();

    const old = await createMember(db, ws.admin, { email: "late@example.com", name: "迟到", role: "guest", method: "invite" });
    if (old.method !== "invite") throw new Error("expected invite");
    await db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, old.inviteId));
    expect(await findOpenInvite(db, old.inviteToken)).toBeNull();
    await expect(acceptInvite(db, { token: old.inviteToken, name: "迟到", password: "late-password" })).rejects.toMatchObject({
      code: "INVITE_INVALID",
    });
  });

  it("never demotes or deactivates the last admin, nor lets anyone deactivate themselves", async () => {
    await expect(updateMember(db, ws.admin, ws.admin.memberId, { role: "operator" })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    await expect(updateMember(db, ws.admin, ws.admin.memberId, { status: "deactivated" })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    const second = await memberWithToken(db, ws.admin, "admin", "admin2@example.com");
    await expect(updateMember(db, ws.admin, ws.admin.memberId, { status: "deactivated" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await updateMember(db, second.ctx, ws.admin.memberId, { role: "operator" });
    await updateMember(db, second.ctx, ws.admin.memberId, { role: "admin" });
  });

  it("limits a member with grants to those accounts, in queries and over the API (404, not 403)", async () => {
    const [a, b, c] = await Promise.all(["A", "B", "C"].map((x) => createAccount(db, ws.admin, { name: `账号${x}`, redId: `acc_${x}` })));
    const limited = await memberWithToken(db, ws.admin, "operator", "limited@example.com");
    await updateMember(db, ws.admin, limited.memberId, { accountScope: "granted", accountIds: [a.id, b.id] });
    const ctx = await loadWorkspaceContext(db, { userId: limited.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    expect(ctx?.accountIds?.sort()).toEqual([a.id, b.id].sort());

    const seen = await listAccounts(db, ctx!);
    expect(seen.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(await getAccount(db, ctx!, c.id)).toBeNull();

    const viaApi = await callRoute(accountsRoute.GET, "/api/v1/accounts", { token: limited.token });
    expect(viaApi.json.accounts.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());

    await updateMember(db, ws.admin, limited.memberId, { accountScope: "granted", accountIds: [] });
    const none = await loadWorkspaceContext(db, { userId: limited.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    expect(await listAccounts(db, none!)).toEqual([]);
  });

  it("refuses grants to accounts of another workspace and changes nothing", async () => {
    const member = await memberWithToken(db, ws.admin, "guest", "grant-target@example.com");
    await db.insert(accounts).values({ id: "acc_foreign", workspaceId: ws.workspaceId, name: "本工作区", redId: "foreign_like" });
    await expect(
      updateMember(db, ws.admin, member.memberId, { accountScope: "granted", accountIds: ["acc_foreign", "acc_of_someone_else"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ctx = await loadWorkspaceContext(db, { userId: member.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" });
    expect(ctx?.accountIds).toBeNull();
  });

  it("audits every change with actor, target and redacted values", async () => {
    const { events } = await listAudit(db, ws.workspaceId, { limit: 200 });
    const actions = new Set(events.map((e) => e.action));
    for (const a of ["members.create", "members.invite", "members.accept_invite", "members.update", "accounts.create", "tokens.create"]) {
      expect(actions, a).toContain(a);
    }
    expect(JSON.stringify(events)).not.toMatch(/analyst-password|late-password/);
  });
});
