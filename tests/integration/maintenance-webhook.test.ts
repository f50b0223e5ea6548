/** The maintenance webhook with real QStash-format signatures, verified by @upstash/qstash's Receiver. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as maintenanceRoute from "@/app/api/webhooks/maintenance/route";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { createMemory } from "@/lib/memory/create-memory";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { updateMemoryConfig } from "@/lib/memory/memory-config";
import { startEmbeddedDispatcher } from "@/lib/scheduling/embedded-dispatcher";
import { maintenanceWebhookPath } from "@/lib/jobs/job-paths";
import { periodicWebhooks } from "@/lib/jobs/periodic-jobs";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const url = "http://localhost:3000/api/webhooks/maintenance";

describe("maintenance webhook", () => {
  let db: Db;
  let admin: MemoryActor;
  let operator: MemoryActor;
  const call = (body: string, signature?: string) =>
    callRoute(maintenanceRoute.POST as never, "/api/webhooks/maintenance", {
      method: "POST",
      rawBody: body,
      headers: signature ? { "upstash-signature": signature } : {},
    });
  const sign = (body: string, overrides: Partial<Parameters<typeof signQstashRequest>[0]> = {}) =>
    signQstashRequest({ url, body, key: signingKeys().current, ...overrides });
  const exists = async (id: string) => (await db.select({ id: memories.id }).from(memories).where(eq(memories.id, id))).length === 1;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    operator = actorOf((await memberWithToken(db, ws.admin, "operator")).ctx);
  });

  it.each([
    ["no signature", () => call("{}")],
    ["a garbage signature", () => call("{}", "not.a.jwt")],
    ["a wrong key", () => call("{}", sign("{}", { key: "someone-elses-key" }))],
    ["an expired token", () => call("{}", sign("{}", { now: new Date(Date.now() - 3600_000), ttlSeconds: 60 }))],
    ["another destination URL", () => call("{}", sign("{}", { url: "http://localhost:3000/api/webhooks/publish" }))],
    ["a tampered body", () => call('{"workspaceId":"x"}', sign("{}"))],
  ])("answers 401 (never 500) for %s", async (_label, send) => {
    const res = await send();
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("INVALID_SIGNATURE");
  });

  it("accepts the next signing key too, and rejects a bad body after a valid signature with 400", async () => {
    const body = JSON.stringify({ workspaceId: "ws_none" });
    expect((await call(body, sign(body, { key: signingKeys().next }))).status).toBe(200);
    const bad = JSON.stringify({ drop: "table" });
    expect((await call(bad, sign(bad))).status).toBe(400);
  });

  it("runs cleanup and compression per workspace, honouring each user's config", async () => {
    const expiredOp = await createMemory(db, operator, { content: "过期的临时想法 A", importance: 0.1 });
    const expiredAdmin = await createMemory(db, admin, { content: "过期的临时想法 B", importance: 0.1 });
    // Untouched for 60 days: cleanup keeps what was created, edited or used within the retention.
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    await db
      .update(memories)
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: longAgo, updatedAt: longAgo })
      .where(eq(memories.id, expiredOp.id));
    await db
      .update(memories)
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: longAgo, updatedAt: longAgo })
      .where(eq(memories.id, expiredAdmin.id));
    await updateMemoryConfig(db, admin, { autoCleanup: false });
    for (let i = 0; i < 3; i++) await createMemory(db, operator, { content: "爆款封面：大字标题加对比图，点击率高", importance: 0.2 });

    const body = JSON.stringify({ workspaceId: admin.workspaceId });
    const res = await call(body, sign(body));
    expect(res.status).toBe(200);
    const [summary] = res.json.workspaces;
    expect(summary.cleanup.removed).toBe(1);
    expect(summary.compress).toMatchObject({ clusters: 1, merged: 3 });
    expect(await exists(expiredOp.id)).toBe(false);
    expect(await exists(expiredAdmin.id)).toBe(true);
  });
});

describe("the maintenance webhook is scheduled daily", () => {
  it("is a periodic webhook (QStash cron, daily period), and the embedded dispatcher calls it soon after start, not a day later", async () => {
    const daily = periodicWebhooks.find((w) => w.path === maintenanceWebhookPath);
    expect(daily).toMatchObject({ cron: "30 19 * * *", everyMs: 24 * 60 * 60_000 });
    expect(daily!.firstAfterMs).toBeLessThan(daily!.everyMs);

    const calls: { path: string; at: number }[] = [];
    const server = http.createServer((req, res) => {
      calls.push({ path: req.url ?? "", at: Date.now() });
      res.writeHead(200).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = Date.now();
    const dispatcher = startEmbeddedDispatcher({
      db: await migratedDb(),
      appUrl: base,
      signingKey: signingKeys().current,
      tickMs: 20,
      periodic: [{ ...daily!, everyMs: 60_000, firstAfterMs: 150 }],
    });
    try {
      for (let i = 0; i < 100 && calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls.map((c) => c.path)).toEqual([maintenanceWebhookPath]);
      expect(calls[0].at - started).toBeGreaterThanOrEqual(150);
    } finally {
      dispatcher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
