/**
 * What an outbound call answers the person who triggered it: a classified reason in our words,
 * never the remote's body (a URL can point at an internal service, and "send test" or "test
 * connection" would read it out), and no redirect is followed (a 302 to another local port never
 * reaches it). The remote here is a local service answering a secret; every path a user can
 * trigger is checked: the channel test route, the account connection test route, a webhook
 * publish, an AI provider call and a data bridge call.
 */
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as checkRoute from "@/app/api/v1/accounts/[id]/check-connection/route";
import { POST as testRoute } from "@/app/api/v1/notification-channels/[id]/test/route";
import { POST as createChannelRoute } from "@/app/api/v1/notification-channels/route";
import type { Db } from "@/db/client";
import { accounts, auditEvents, notificationChannels } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createDataBridgeClient } from "@/lib/competitors/collect/data-bridge-client";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { postOpenAi } from "@/lib/memory/ai/openai-client";
import { webhookPublisher } from "@/lib/publishing/publishers/webhook";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { startInternalService, type InternalService } from "../support/internal-service";
import { migratedDb } from "../support/test-db";

describe("outbound answers are classified, never echoed", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let token = "";
  let internal: InternalService;
  let redirector: InternalService;

  const channelAt = async (baseUrl: string) => {
    const res = await callRoute(createChannelRoute, "/api/v1/notification-channels", {
      method: "POST",
      token,
      body: { kind: "dingtalk", name: `robot ${Math.random()}`, config: { baseUrl, accessToken: "tok", signed: false } },
    });
    expect(res.status).toBe(201);
    return res.json.id as string;
  };
  const sendTest = (id: string) =>
    callRoute(testRoute, `/api/v1/notification-channels/${id}/test`, { method: "POST", token, params: { id } });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await memberWithToken(db, ws.admin, "admin")).token;
    internal = await startInternalService();
    redirector = await startInternalService();
  });
  afterAll(async () => {
    await internal.close();
    await redirector.close();
  });

  it("the channel test answers our reason, not the body, for an error status, an errmsg and a non-robot answer", async () => {
    const id = await channelAt(`${internal.url}/robot/send`);
    const answers = [
      { status: 500, body: JSON.stringify({ errcode: 1, errmsg: internal.secret }), contentType: "application/json" },
      { status: 200, body: JSON.stringify({ errcode: 40035, errmsg: internal.secret }), contentType: "application/json" },
      { status: 200, body: `<html>${internal.secret}</html>`, contentType: "text/html" },
    ];
    for (const answer of answers) {
      internal.answer(answer);
      const res = await sendTest(id);
      expect(res.status).toBe(200);
      expect(res.json.ok).toBe(false);
      expect(res.json.error).toEqual(expect.any(String));
      expect(JSON.stringify(res.json)).not.toContain(internal.secret);
      const [stored] = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
      expect(stored.lastError).not.toContain(internal.secret);
    }
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.targetId, id)).orderBy(desc(auditEvents.createdAt));
    expect(audits.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audits)).not.toContain(internal.secret);
  });

  it("the channel test does not follow a redirect to another local port", async () => {
    redirector.answer({ redirectTo: `${internal.url}/robot/send` });
    const before = internal.connections();
    const id = await channelAt(`${redirector.url}/robot/send`);
    const res = await sendTest(id);
    expect(res.json).toMatchObject({ ok: false, error: expect.stringMatching(/redirect/) });
    expect(redirector.requests()).toBeGreaterThan(0);
    expect(internal.connections()).toBe(before);
  });

  it("the account connection test answers a classified code and our message, and stores no remote text", async () => {
    internal.answer({ status: 500, body: JSON.stringify({ error: internal.secret, code: "X" }), contentType: "application/json" });
    const account = await createAccount(db, ws.admin, {
      name: "内网桥",
      redId: "internal_bridge",
      publisherId: "xhs-bridge",
      publisherConfig: { baseUrl: internal.url },
    });
    const check = () =>
      callRoute(checkRoute.POST, `/api/v1/accounts/${account.id}/check-connection`, { method: "POST", token, params: { id: account.id } });
    const res = await check();
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({ ok: false, code: "bad_answer" });
    expect(JSON.stringify(res.json)).not.toContain(internal.secret);
    const [row] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(`${row.lastCheckMessage} ${row.statusReason}`).not.toContain(internal.secret);

    const redirected = await createAccount(db, ws.admin, {
      name: "跳转桥",
      redId: "redirect_bridge",
      publisherId: "xhs-bridge",
      publisherConfig: { baseUrl: redirector.url },
    });
    redirector.answer({ redirectTo: `${internal.url}/api/v1/login/status` });
    const before = internal.connections();
    const answer = await callRoute(checkRoute.POST, `/x`, { method: "POST", token, params: { id: redirected.id } });
    expect(answer.json.result).toMatchObject({ ok: false, code: "redirect_refused" });
    expect(internal.connections()).toBe(before);
  });

  it("a webhook rejection keeps the status, not the receiver's body", async () => {
    internal.answer({ status: 422, body: internal.secret });
    const config = webhookPublisher.configSchema.parse({ url: `${internal.url}/hook`, secret: "a-signing-secret-of-length" });
    const outcome = await webhookPublisher.publish({ kind: "image", title: "t", content: "c", images: [] }, config, {
      workspaceId: ws.workspaceId,
      accountId: "acc_x",
      db,
      cache: createInProcessCache(),
    });
    expect(outcome).toMatchObject({ status: "rejected", reason: expect.stringMatching(/422/) });
    expect(JSON.stringify(outcome)).not.toContain(internal.secret);
  });

  it("an AI provider error and a data bridge error carry no remote text", async () => {
    internal.answer({ status: 401, body: JSON.stringify({ error: { message: internal.secret } }), contentType: "application/json" });
    const ai = await postOpenAi({ baseUrl: internal.url, apiKey: "k" }, "/embeddings", { input: ["x"] }, { retries: 0 }).catch(
      (error: Error) => error,
    );
    expect(ai).toMatchObject({ code: "AI_PROVIDER_FAILED", message: expect.stringContaining("HTTP 401") });
    expect((ai as Error).message).not.toContain(internal.secret);

    internal.answer({
      status: 400,
      body: JSON.stringify({ error: internal.secret, code: "INVALID_REQUEST" }),
      contentType: "application/json",
    });
    const bridge = await createDataBridgeClient({ baseUrl: internal.url, retryDelayMs: 1 })
      .searchFeeds("x")
      .catch((error: Error) => error);
    expect(bridge).toMatchObject({ name: "BridgeError", code: "INVALID_REQUEST" });
    expect((bridge as Error).message).not.toContain(internal.secret);
  });
});
