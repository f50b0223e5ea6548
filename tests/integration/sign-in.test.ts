import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword } from "@/lib/auth/change-password";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { updateMember } from "@/lib/members/update-member";
import { adminCredentials, memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("sign-in", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await authenticate(db, createInProcessCache(), {
      email: "ADMIN@example.com",
      password: adminCredentials.password,
      ip: "1.1.1.1",
    });
    expect(user.id).toBe(ws.userId);
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    const cache = createInProcessCache();
    await expect(authenticate(db, cache, { email: adminCredentials.email, password: "wrong", ip: "1.1.1.1" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    await expect(authenticate(db, cache, { email: "nobody@example.com", password: "wrong", ip: "1.1.1.1" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
  });

  it("locks an account after 5 failures from any address: the right password, from another address too, answers SIGN_IN_LOCKED", async () => {
    const cache = createInProcessCache();
    const attempt = (password: string, ip = "2.2.2.2") => authenticate(db, cache, { email: adminCredentials.email, password, ip });
    for (let i = 0; i < 5; i++) await expect(attempt("wrong")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(attempt(adminCredentials.password)).rejects.toMatchObject({ code: "SIGN_IN_LOCKED", details: { minutes: 15 } });
    await expect(attempt(adminCredentials.password, "3.3.3.3")).rejects.toMatchObject({ code: "SIGN_IN_LOCKED" });
    // Other accounts from those addresses are not locked.
    const other = await memberWithToken(db, ws.admin, "operator");
    await expect(authenticate(db, cache, { email: other.email, password: other.password, ip: "2.2.2.2" })).resolves.toBeTruthy();
  });

  it("locks an address after 20 failures over many emails, not the accounts from elsewhere", async () => {
    const cache = createInProcessCache();
    for (let i = 0; i < 20; i++) {
      await expect(authenticate(db, cache, { email: `guess${i}@example.com`, password: "wrong", ip: "6.6.6.6" })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    await expect(
      authenticate(db, cache, { email: adminCredentials.email, password: adminCredentials.password, ip: "6.6.6.6" }),
    ).rejects.toMatchObject({ code: "SIGN_IN_LOCKED" });
    await expect(
      authenticate(db, cache, { email: adminCredentials.email, password: adminCredentials.password, ip: "7.7.7.7" }),
    ).resolves.toMatchObject({ id: ws.userId });
  });

  it("refuses deactivated members and ends their sessions at once", async () => {
    const operator = await memberWithToken(db, ws.admin, "operator");
    await expect(
      authenticate(db, createInProcessCache(), { email: operator.email, password: operator.password, ip: "4.4.4.4" }),
    ).resolves.toBeTruthy();
    await updateMember(db, ws.admin, operator.memberId, { status: "deactivated" });
    await expect(
      authenticate(db, createInProcessCache(), { email: operator.email, password: operator.password, ip: "4.4.4.4" }),
    ).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    const session = await loadWorkspaceContext(db, {
      userId: operator.ctx.userId,
      workspace: { id: ws.workspaceId },
      via: "session",
      sessionVersion: 1,
    });
    expect(session).toBeNull();
  });

  it("ends older sessions when the password changes", async () => {
    const analyst = await memberWithToken(db, ws.admin, "analyst");
    const before = await loadWorkspaceContext(db, {
      userId: analyst.ctx.userId,
      workspace: { id: ws.workspaceId },
      via: "session",
      sessionVersion: 1,
    });
    expect(before).not.toBeNull();
    await expect(changePassword(db, analyst.ctx, { currentPassword: "nope", newPassword: "another-password" })).rejects.toMatchObject({
      code: "WRONG_PASSWORD",
    });
    const { sessionVersion } = await changePassword(db, analyst.ctx, {
      currentPassword: analyst.password,
      newPassword: "another-password",
    });
    expect(sessionVersion).toBe(2);
    const stale = await loadWorkspaceContext(db, {
      userId: analyst.ctx.userId,
      workspace: { id: ws.workspaceId },
      via: "session",
      sessionVersion: 1,
    });
    expect(stale).toBeNull();
    await expect(
      authenticate(db, createInProcessCache(), { email: analyst.email, password: "another-password", ip: "5.5.5.5" }),
    ).resolves.toBeTruthy();
  });
});
