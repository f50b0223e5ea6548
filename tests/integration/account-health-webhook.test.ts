/**
 * The scheduled account health check through its real signed webhook: the fake
 * xiaohongshu-mcp bridge reports logged-out, the account becomes needs_login with the
 * bridge's reason, the change is audited, the members who manage the account get an in-app
 * notification (others do not), and a DingTalk channel subscribed to account_needs_login
 * receives the message; when the bridge is logged in again, the account is active again.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/webhooks/account-health/route";
import type { Db } from "@/db/client";
import { auditEvents, notifications, type Account } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { getAccount } from "@/lib/accounts/queries";
import { pauseAccount } from "@/lib/accounts/account-status";
import { updateMember } from "@/lib/members/update-member";
import { createChannel } from "@/lib/notifications/channels/channel-store";
import { startEmbeddedDispatcher } from "@/lib/scheduling/embedded-dispatcher";
import { accountHealthWebhookPath } from "@/lib/jobs/job-paths";
import { periodicWebhooks } from "@/lib/jobs/periodic-jobs";
import { signQstashRequest, verifyQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { callRoute } from "../support/call-route";
import { startFakeRobotServer, type FakeRobotServer } from "../support/fake-robot-server";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const url = "http://localhost:3000/api/webhooks/account-health";
const call = (signature?: string) =>
  callRoute(healthRoute.POST as never, "/api/webhooks/account-health", {
    method: "POST",
    rawBody: "{}",
    headers: signature ? { "upstash-signature": signature } : {},
  });
const signed = () => call(signQstashRequest({ url, body: "{}", key: signingKeys().current }));

describe("scheduled account health check (signed webhook)", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let bridge: FakeXhsBridge;
  let robot: FakeRobotServer;
  let account: Account, paused: Account, other: Account;
  let grantedOperator: Awaited<ReturnType<typeof memberWithToken>>;
  let otherOperator: Awaited<ReturnType<typeof memberWithToken>>;
  let analyst: Awaited<ReturnType<typeof memberWithToken>>;

  const notificationsOf = (userId: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, "account_needs_login")));

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge = await startFakeXhsBridge({ token: "tok-h", timeScale: 0.01 });
    robot = await startFakeRobotServer({ dingtalkToken: "ding-h" });
    const config = { baseUrl: bridge.url, token: "tok-h" };
    account = await createAccount(db, ws.admin, { name: "掉线号", redId: "health_1", publisherId: "xhs-bridge", publisherConfig: config });
    paused = await createAccount(db, ws.admin, { name: "暂停号", redId: "health_2", publisherId: "xhs-bridge", publisherConfig: config });
    other = await createAccount(db, ws.admin, { name: "别的号", redId: "health_3" });
    await pauseAccount(db, ws.admin, paused.id, "休假");
    grantedOperator = await memberWithToken(db, ws.admin, "operator", "op-granted@example.com");
    await updateMember(db, ws.admin, grantedOperator.memberId, { accountScope: "granted", accountIds: [account.id] });
    otherOperator = await memberWithToken(db, ws.admin, "operator", "op-other@example.com");
    await updateMember(db, ws.admin, otherOperator.memberId, { accountScope: "granted", accountIds: [other.id] });
    analyst = await memberWithToken(db, ws.admin, "analyst", "analyst-h@example.com");
    await createChannel(db, ws.admin, {
      kind: "dingtalk",
      name: "运营群",
      enabled: true,
      events: ["account_needs_login"],
      config: { baseUrl: `${robot.url}/robot/send`, accessToken: "ding-h", signed: false },
    });
  });

  afterAll(async () => {
    await bridge?.close();
    await robot?.close();
  });

  it("refuses an unsigned call and changes nothing", async () => {
    bridge.setMode("logged_out");
    expect((await call()).status).toBe(401);
    expect((await getAccount(db, ws.admin, account.id))?.status).toBe("active");
  });

  it("marks a logged-out account needs_login, audits, and notifies its managers and the channel", async () => {
    bridge.setMode("logged_out");
    const res = await signed();
    expect(res.status).toBe(200);
    expect(res.json.changed).toEqual([expect.objectContaining({ accountId: account.id, from: "active", to: "needs_login" })]);
    const after = await getAccount(db, ws.admin, account.id);
    expect(after).toMatchObject({ status: "needs_login", lastCheckOk: false });
    expect(after?.statusReason).toMatch(/log/i);
    expect((await getAccount(db, ws.admin, paused.id))?.status).toBe("paused");
    expect((await getAccount(db, ws.admin, other.id))?.status).toBe("active");

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "accounts.health_check"), eq(auditEvents.targetId, account.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ workspaceId: ws.workspaceId, actorId: null, actorLabel: expect.stringContaining("health check") });

    expect(await notificationsOf(ws.admin.userId)).toHaveLength(1);
    expect(await notificationsOf(grantedOperator.ctx.userId)).toHaveLength(1);
    expect((await notificationsOf(grantedOperator.ctx.userId))[0].payload).toMatchObject({ accountId: account.id, title: "掉线号" });
    expect(await notificationsOf(otherOperator.ctx.userId)).toHaveLength(0);
    expect(await notificationsOf(analyst.ctx.userId)).toHaveLength(0);

    const message = robot.received.at(-1)!;
    expect(JSON.stringify(message.body)).toContain("掉线号");
    expect(JSON.stringify(message.body)).toContain(`/accounts/${account.id}`);
  });

  it("does not notify again while the account stays logged out", async () => {
    const before = robot.received.length;
    expect((await signed()).json.changed).toEqual([]);
    expect(await notificationsOf(ws.admin.userId)).toHaveLength(1);
    expect(robot.received.length).toBe(before);
  });

  it("makes the account active again once the bridge is logged in", async () => {
    bridge.setMode("ok");
    expect((await signed()).json.changed).toEqual([expect.objectContaining({ accountId: account.id, from: "needs_login", to: "active" })]);
    expect(await getAccount(db, ws.admin, account.id)).toMatchObject({ status: "active", statusReason: null, lastCheckOk: true });
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "accounts.health_check"), eq(auditEvents.targetId, account.id))),
    ).toHaveLength(2);
  });
});

describe("the embedded dispatcher schedules the health check", () => {
  it("is registered every 30 minutes, and the dispatcher POSTs it signed for its URL once the period has passed", async () => {
    expect(periodicWebhooks).toContainEqual(
      expect.objectContaining({ path: accountHealthWebhookPath, cron: "*/30 * * * *", everyMs: 30 * 60_000 }),
    );
    const got: { path: string; signature: string | null; body: string; at: number }[] = [];
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      got.push({
        path: req.url ?? "",
        signature: (req.headers["upstash-signature"] as string) ?? null,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      });
      res.writeHead(200).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const db = await migratedDb();
    const started = Date.now();
    const dispatcher = startEmbeddedDispatcher({
      db,
      appUrl: base,
      signingKey: signingKeys().current,
      tickMs: 20,
      periodic: [{ id: "t", path: accountHealthWebhookPath, cron: "*/30 * * * *", everyMs: 150 }],
    });
    try {
      for (let i = 0; i < 150 && got.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(got[0].path).toBe(accountHealthWebhookPath);
      expect(got[0].at - started).toBeGreaterThanOrEqual(150); // not at start, while the server is still booting
      expect(
        await verifyQstashRequest({
          signature: got[0].signature,
          url: `${base}${accountHealthWebhookPath}`,
          body: got[0].body,
          keys: signingKeys(),
        }),
      ).toBe(true);
    } finally {
      dispatcher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
