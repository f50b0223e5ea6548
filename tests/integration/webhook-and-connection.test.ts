/**
 * The webhook publisher against a receiver that verifies the signature (a tampered body
 * fails), the sandbox publisher's record, and "Test connection" moving an account to
 * needs_login and back through the real route against the fake bridge.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as checkRoute from "@/app/api/v1/accounts/[id]/check-connection/route";
import type { Db } from "@/db/client";
import { sandboxPublications } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { getAccount } from "@/lib/accounts/queries";
import { hasPublishingHistory } from "@/lib/accounts/has-publishing-history";
import { sandboxPublisher } from "@/lib/publishing/publishers/sandbox";
import { webhookPublisher } from "@/lib/publishing/publishers/webhook";
import { signatureHeader, timestampHeader, verifyWebhookSignature } from "@/lib/publishing/webhook-signature";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { callRoute } from "../support/call-route";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const secret = "whsec_0123456789abcdef";
type Delivery = { verified: boolean; body: string; headers: http.IncomingHttpHeaders };

async function startReceiver() {
  const deliveries: Delivery[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const verified = verifyWebhookSignature(secret, {
      signature: req.headers[signatureHeader] as string,
      timestamp: req.headers[timestampHeader] as string,
      body,
    });
    deliveries.push({ verified, body, headers: req.headers });
    res.writeHead(verified ? 200 : 401, { "content-type": "application/json" });
    res.end(JSON.stringify(verified ? { id: "n8n-run-42", url: "https://n8n.example.com/run/42" } : { error: "bad signature" }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("webhook and sandbox publishers, and Test connection", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let bridge: FakeXhsBridge;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    receiver = await startReceiver();
    bridge = await startFakeXhsBridge({ token: "tok-1", timeScale: 0.01 });
  });
  afterAll(async () => {
    await receiver.close();
    await bridge.close();
  });

  const note = {
    kind: "image" as const,
    title: "周末去哪儿",
    content: "武康路散步路线",
    images: ["https://cdn.example.com/w.jpg"],
    idempotencyKey: "job_123",
  };
  const runtime = () => ({ workspaceId: ws.workspaceId, accountId: "acc_webhook", db, cache: createInProcessCache() });

  it("POSTs a signed note the receiver verifies, and reports the receiver's id", async () => {
    const config = webhookPublisher.configSchema.parse({ url: receiver.url, secret });
    const outcome = await webhookPublisher.publish(note, config, runtime());
    expect(outcome).toEqual({ status: "published", remoteId: "n8n-run-42", url: "https://n8n.example.com/run/42" });
    const delivery = receiver.deliveries.at(-1)!;
    expect(delivery.verified).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: "note.publish",
      id: "job_123",
      accountId: "acc_webhook",
      note: { title: "周末去哪儿", images: note.images },
    });
    expect(delivery.headers["idempotency-key"]).toBe("job_123");
  });

  it("fails verification for a tampered body, and a wrong secret is rejected", async () => {
    const good = receiver.deliveries.at(-1)!;
    const tampered = good.body.replace("武康路", "愚园路");
    const res = await fetch(receiver.url, {
      method: "POST",
      headers: { [signatureHeader]: good.headers[signatureHeader] as string, [timestampHeader]: good.headers[timestampHeader] as string },
      body: tampered,
    });
    expect(res.status).toBe(401);
    expect(receiver.deliveries.at(-1)!.verified).toBe(false);

    const wrong = webhookPublisher.configSchema.parse({ url: receiver.url, secret: "not-the-receivers-secret" });
    expect(await webhookPublisher.publish(note, wrong, runtime())).toMatchObject({
      status: "rejected",
      reason: expect.stringMatching(/401/),
    });
    expect(verifyWebhookSignature(secret, { signature: good.headers[signatureHeader] as string, timestamp: "1", body: good.body })).toBe(
      false,
    );
  });

  it("sandbox records what would have been published, which then counts as history", async () => {
    const account = await createAccount(db, ws.admin, { name: "沙盒号", redId: "sandbox_acc" });
    const outcome = await sandboxPublisher.publish(note, {}, { workspaceId: ws.workspaceId, accountId: account.id, db });
    expect(outcome.status).toBe("published");
    // The record is written by the caller, with the outcome (the scheduler: in its outcome transaction).
    expect(await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, account.id))).toHaveLength(0);
    if (outcome.status === "published") await outcome.record?.(db);
    const [row] = await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, account.id));
    expect(row).toMatchObject({ title: "周末去哪儿", kind: "image", payload: expect.objectContaining({ content: "武康路散步路线" }) });
    expect(await hasPublishingHistory(db, account.id)).toMatchObject({ hasHistory: true, counts: { sandbox_publications: 1 } });
  });

  it("Test connection: logged out -> needs_login with the reason, logged in again -> active", async () => {
    const { token } = await memberWithToken(db, ws.admin, "operator", "op-check@example.com");
    const account = await createAccount(db, ws.admin, {
      name: "桥接号",
      redId: "bridge_acc",
      publisherId: "xhs-bridge",
      publisherConfig: { baseUrl: bridge.url, token: "tok-1" },
    });
    const check = () =>
      callRoute(checkRoute.POST, `/api/v1/accounts/${account.id}/check-connection`, { method: "POST", token, params: { id: account.id } });

    bridge.setMode("logged_out");
    const out = await check();
    expect(out.status).toBe(200);
    expect(out.json.result).toMatchObject({ ok: false, loggedIn: false, status: "needs_login" });
    expect(await getAccount(db, ws.admin, account.id)).toMatchObject({
      status: "needs_login",
      statusReason: expect.stringMatching(/logged out/),
      lastCheckOk: false,
    });

    bridge.setMode("ok");
    expect((await check()).json.result).toMatchObject({ ok: true, loggedIn: true, status: "active" });
    expect(await getAccount(db, ws.admin, account.id)).toMatchObject({
      status: "active",
      statusReason: null,
      lastCheckOk: true,
      lastCheckMessage: "Logged in as 小红薯测试号",
    });
    expect(bridge.received.every((r) => r.authorization === "Bearer tok-1")).toBe(true);
  });
});
