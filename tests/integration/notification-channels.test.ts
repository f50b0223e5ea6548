/**
 * Notification channels against real peers: a local DingTalk/WeCom robot stand-in that checks
 * the DingTalk signature, and a real SMTP server. Secrets stay encrypted and write-only; a failed
 * job reaches the subscribed channels; a broken channel never breaks publishing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, PATCH } from "@/app/api/v1/notification-channels/[id]/route";
import { POST as testRoute } from "@/app/api/v1/notification-channels/[id]/test/route";
import { GET, POST } from "@/app/api/v1/notification-channels/route";
import type { Db } from "@/db/client";
import { auditEvents, notificationChannels, notifications, publishJobs } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createPublishJob } from "@/lib/scheduling/create-publish-job";
import { embeddedDriver } from "@/lib/scheduling/drivers/embedded-driver";
import type { PublishOutcome } from "@/lib/scheduling/publish-outcome";
import { deliverOutbox } from "@/lib/notifications/channels/notification-outbox";
import { runPublishJob } from "@/lib/scheduling/run-publish-job";
import { rotateKeys } from "@/lib/security/crypto/rotate-keys";
import { keyIdOf } from "@/lib/security/crypto/secret-box";
import { callRoute } from "../support/call-route";
import { startFakeRobotServer } from "../support/fake-robot-server";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { startSmtpPeer } from "../support/smtp-peer";
import { migratedDb } from "../support/test-db";

const secrets = {
  dingToken: "ding-access-token-7f3a",
  dingSecret: "SECd1n9t4lk5ecr3t",
  wecomKey: "wecom-key-93b2c",
  smtpPassword: "smtp-pa55word-x",
};
const snapshot = { title: "秋冬敏感肌护肤清单", body: "第一步：温和洁面", topics: ["护肤"], images: ["/media/1.jpg"] };

describe("notification channels", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let token = "";
  let accountId = "";
  let robot: Awaited<ReturnType<typeof startFakeRobotServer>>;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  const ids: Record<string, string> = {};

  const create = (body: unknown) => callRoute(POST, "/api/v1/notification-channels", { method: "POST", token, body });
  const sendTest = (id: string) =>
    callRoute(testRoute, `/api/v1/notification-channels/${id}/test`, { method: "POST", token, params: { id } });
  const row = async (id: string) => (await db.select().from(notificationChannels).where(eq(notificationChannels.id, id)))[0];
  const count = async () => (await db.select().from(notificationChannels)).length;
  const fail =
    (reason: string): (() => Promise<PublishOutcome>) =>
    async () => ({ kind: "rejected", code: "CONTENT_REJECTED", reason });
  async function failJob(reason: string) {
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const result = await runPublishJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, fail(reason));
    // Channels hear through the outbox, delivered after the webhook answered (see notification-outbox.test.ts).
    if (result.result !== "skipped") await deliverOutbox(db, { ids: result.notifications });
    return { job, result };
  }

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await memberWithToken(db, ws.admin, "admin")).token;
    accountId = (await createAccount(db, ws.admin, { name: "小鹿美妆日记", redId: "xiaolu" })).id;
    robot = await startFakeRobotServer({
      dingtalkToken: secrets.dingToken,
      dingtalkSecret: secrets.dingSecret,
      wecomKey: secrets.wecomKey,
    });
    smtp = await startSmtpPeer({ user: "bot", password: secrets.smtpPassword });
  });
  afterAll(async () => {
    await robot?.close();
    await smtp?.close();
  });

  it("creates a signed DingTalk channel: secrets encrypted at rest, never answered or audited", async () => {
    const res = await create({
      kind: "dingtalk",
      name: "运营群",
      config: { baseUrl: `${robot.url}/robot/send`, accessToken: secrets.dingToken, signed: true, signSecret: secrets.dingSecret },
    });
    expect(res.status).toBe(201);
    ids.ding = res.json.id;
    expect(res.json.secretsSet.sort()).toEqual(["accessToken", "signSecret"]);
    expect(res.json.config).toEqual({ baseUrl: `${robot.url}/robot/send`, signed: true });
    expect(res.text).not.toContain(secrets.dingToken);
    expect(res.text).not.toContain(secrets.dingSecret);
    const raw = await row(ids.ding);
    expect(raw.secrets).toMatch(/^enc:v1:/);
    expect(JSON.stringify(raw)).not.toContain(secrets.dingToken);
    expect(JSON.stringify(raw)).not.toContain(secrets.dingSecret);
  });

  it("sends a signed test message the robot accepts", async () => {
    const res = await sendTest(ids.ding);
    expect(res.json).toEqual({ ok: true });
    const got = robot.received.at(-1)!;
    expect(got.robot).toBe("dingtalk");
    expect(got.body.msgtype).toBe("markdown");
    expect((got.body.markdown as { text: string }).text).toContain("测试消息");
    expect((await row(ids.ding)).lastResult).toBe("ok");
  });

  it("explains the robot's errcode in our words when the sign secret is wrong", async () => {
    const res = await create({
      kind: "dingtalk",
      name: "错误密钥",
      config: { baseUrl: `${robot.url}/robot/send`, accessToken: secrets.dingToken, signed: true, signSecret: "SECwrong" },
    });
    const before = robot.received.length;
    const test = await sendTest(res.json.id);
    expect(test.status).toBe(200);
    expect(test.json).toEqual({ ok: false, error: "errcode 310000: the signature, keyword or IP check failed (robot security settings)" });
    expect(JSON.stringify(test.json)).not.toContain("sign not match");
    expect(robot.received.length).toBe(before);
    const stored = await row(res.json.id);
    expect([stored.lastResult, stored.lastError]).toEqual([
      "error",
      "errcode 310000: the signature, keyword or IP check failed (robot security settings)",
    ]);
    expect((await callRoute(deleteRoute, `/x`, { method: "DELETE", token, params: { id: res.json.id } })).status).toBe(204);
  });

  it("sends through a WeCom robot", async () => {
    const res = await create({
      kind: "wecom",
      name: "企业微信群",
      config: { baseUrl: `${robot.url}/cgi-bin/webhook/send`, key: secrets.wecomKey },
    });
    expect(res.status).toBe(201);
    ids.wecom = res.json.id;
    expect((await sendTest(ids.wecom)).json).toEqual({ ok: true });
    const got = robot.received.at(-1)!;
    expect(got.robot).toBe("wecom");
    expect((got.body.markdown as { content: string }).content).toContain("测试消息");
  });

  it("sends email through a real SMTP server, with login", async () => {
    const res = await create({
      kind: "email",
      name: "值班邮箱",
      config: {
        host: smtp.host,
        port: smtp.port,
        secure: false,
        user: "bot",
        password: secrets.smtpPassword,
        from: "robot@example.com",
        to: ["ops@example.com", "lead@example.com"],
      },
    });
    expect(res.status).toBe(201);
    ids.email = res.json.id;
    expect(res.json.secretsSet).toEqual(["password"]);
    expect((await sendTest(ids.email)).json).toEqual({ ok: true });
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(["ops@example.com", "lead@example.com"]);
    expect(mail.authUser).toBe("bot");
    expect(mail.subject).toBe("【Test Brand】测试消息");
    expect(mail.text).toContain("收到即表示通知渠道配置正确");
    expect(mail.html).toContain("/calendar");
  });

  it("keeps a stored secret when an edit leaves it empty, and lists without secrets", async () => {
    const res = await callRoute(PATCH, "/x", {
      method: "PATCH",
      token,
      params: { id: ids.email },
      body: {
        name: "值班邮箱 2",
        config: {
          host: smtp.host,
          port: smtp.port,
          secure: false,
          user: "bot",
          password: "",
          from: "robot@example.com",
          to: ["ops@example.com"],
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.secretsSet).toEqual(["password"]);
    expect((await sendTest(ids.email)).json).toEqual({ ok: true });
    const list = await callRoute(GET, "/api/v1/notification-channels", { token });
    expect(list.json.channels.map((c: { name: string }) => c.name)).toEqual(["运营群", "企业微信群", "值班邮箱 2"]);
    for (const secret of Object.values(secrets)) expect(list.text).not.toContain(secret);
    const audit = JSON.stringify(await db.select().from(auditEvents).where(eq(auditEvents.targetType, "notification_channel")));
    expect(audit).toContain("notification_channels.update");
    expect(audit).toContain("notification_channels.test");
    for (const secret of Object.values(secrets)) expect(audit).not.toContain(secret);
  });

  it("refuses bad input with a clear 400 and stores nothing", async () => {
    const before = await count();
    const js = await create({ kind: "wecom", name: "x", config: { baseUrl: "javascript:alert(1)", key: "k" } });
    expect(js.status).toBe(400);
    expect(Object.keys(js.json.error.fieldErrors)).toEqual(["config.baseUrl"]);
    const metadata = await create({ kind: "wecom", name: "x", config: { baseUrl: "http://169.254.169.254/latest/meta-data", key: "k" } });
    expect(metadata.json.error.fieldErrors["config.baseUrl"][0]).toContain("metadata");
    const unsigned = await create({ kind: "dingtalk", name: "x", config: { accessToken: "t", signed: true } });
    expect(unsigned.status).toBe(400);
    expect(Object.keys(unsigned.json.error.fieldErrors)).toEqual(["config.signSecret"]);
    const badMail = await create({
      kind: "email",
      name: "x",
      config: { host: "smtp.example.com", from: "robot@example.com", to: ["not an email"] },
    });
    expect(badMail.status).toBe(400);
    expect(Object.keys(badMail.json.error.fieldErrors)).toEqual(["config.to.0"]);
    expect((await create({ kind: "sms", name: "x", config: {} })).status).toBe(400);
    expect(await count()).toBe(before);
    expect((await sendTest("nch_missing")).status).toBe(404);
  });

  it("sends a failed job to every subscribed channel, in Chinese with account, reason and calendar link", async () => {
    const onlyUnconfirmed = await create({
      kind: "wecom",
      name: "只看未确认",
      events: ["publish_unconfirmed"],
      config: { baseUrl: `${robot.url}/cgi-bin/webhook/send`, key: secrets.wecomKey },
    });
    const robotBefore = robot.received.length;
    const mailBefore = smtp.received.length;
    const { job, result } = await failJob("图片包含违规内容");
    expect(result.result).toBe("failed");
    const got = robot.received.slice(robotBefore);
    expect(got.map((m) => m.robot).sort()).toEqual(["dingtalk", "wecom"]);
    const ding = got.find((m) => m.robot === "dingtalk")!.body.markdown as { title: string; text: string };
    expect(ding.title).toBe("【Test Brand】发布失败");
    for (const part of [snapshot.title, "小鹿美妆日记", "图片包含违规内容", "(Asia/Shanghai)", "/calendar)"])
      expect(ding.text).toContain(part);
    const mail = smtp.received.slice(mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("【Test Brand】发布失败");
    expect(mail[0].text).toContain("原因：图片包含违规内容");
    expect((await row(onlyUnconfirmed.json.id)).lastSentAt).toBeNull();
    // In-app notifications are still written as before.
    expect(
      (await db.select().from(notifications).where(eq(notifications.kind, "publish_failed"))).some((n) => n.payload.jobId === job.id),
    ).toBe(true);
  });

  it("tells channels subscribed to unconfirmed when a publish timed out after sending", async () => {
    const before = robot.received.length;
    const job = await createPublishJob(db, embeddedDriver, ws.admin, { accountId, snapshot, runAt: new Date() });
    const result = await runPublishJob(db, { jobId: job.id, workspaceId: job.workspaceId, version: 1 }, async () => ({
      kind: "unknown",
      code: "TIMEOUT_AFTER_SEND",
      reason: "发布接口超时",
    }));
    expect(result.result).toBe("unconfirmed");
    // Three robots and the email channel.
    if (result.result === "unconfirmed") expect(await deliverOutbox(db, { ids: result.notifications })).toBe(4);
    const got = robot.received.slice(before);
    // dingtalk + wecom (both events) + the unconfirmed-only wecom channel.
    expect(got.map((m) => m.robot).sort()).toEqual(["dingtalk", "wecom", "wecom"]);
    const text = (got.find((m) => m.robot === "dingtalk")!.body.markdown as { text: string }).text;
    expect(text).toContain("发布结果未确认");
    expect(text).toContain("请到小红书核实");
  });

  it("keeps publishing working when every channel is broken", async () => {
    robot.failWith({ errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
    await smtp.close();
    try {
      const { job, result } = await failJob("账号被限流");
      expect(result.result).toBe("failed");
      expect((await db.select().from(publishJobs).where(eq(publishJobs.id, job.id)))[0].status).toBe("failed");
      expect((await row(ids.ding)).lastError).toBe("errcode 130101: sending too fast (rate limited)");
      expect((await row(ids.email)).lastResult).toBe("error");
      expect((await row(ids.email)).lastError).toMatch(/^SMTP: /);
    } finally {
      robot.failWith(null);
    }
  });

  it("skips disabled channels and deletes channels", async () => {
    expect(
      (await callRoute(PATCH, "/x", { method: "PATCH", token, params: { id: ids.wecom }, body: { enabled: false } })).json.enabled,
    ).toBe(false);
    const before = robot.received.length;
    await failJob("再次失败");
    expect(robot.received.slice(before).map((m) => m.robot)).toEqual(["dingtalk"]);
    expect((await callRoute(deleteRoute, "/x", { method: "DELETE", token, params: { id: ids.wecom } })).status).toBe(204);
    expect((await callRoute(deleteRoute, "/x", { method: "DELETE", token, params: { id: ids.wecom } })).status).toBe(404);
  });

  it("re-encrypts channel secrets on key rotation, and they still work", async () => {
    const before = (await row(ids.ding)).secrets!;
    const outcome = await rotateKeys(db, { log: () => {} });
    const after = (await row(ids.ding)).secrets!;
    expect(keyIdOf(after)).toBe(outcome.currentKeyId);
    expect(keyIdOf(after)).not.toBe(keyIdOf(before));
    expect((await sendTest(ids.ding)).json).toEqual({ ok: true });
  });

  it("is for admins only", async () => {
    const operator = await memberWithToken(db, ws.admin, "operator");
    expect((await callRoute(GET, "/api/v1/notification-channels", { token: operator.token })).status).toBe(403);
  });
});
