import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, sandboxPublications } from "@/db/schema";
import { pauseAccount } from "@/lib/accounts/account-status";
import { createAccount } from "@/lib/accounts/create-account";
import { hasPublishingHistory } from "@/lib/accounts/has-publishing-history";
import { createInProcessCache } from "@/lib/cache/in-process-cache";
import { publishToAccount } from "@/lib/publishing/publish-to-account";
import { startFakeXhsBridge, type FakeXhsBridge } from "../support/fake-xhs-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { startImageHost } from "../support/image-host";
import { migratedDb } from "../support/test-db";

const images = await startImageHost();
afterAll(() => images.close());
const note = {
  kind: "image" as const,
  title: "早八通勤妆",
  content: "十分钟搞定",
  images: [images.url("m.png")],
  idempotencyKey: "job_77",
};
/** The stand-in at 1/100 of the bridge's pace, and the account's timing constants to match. */
const fast = { keystrokeMs: 1.36, imageUploadMs: 25, tagMs: 17, overheadMs: 250, timeoutMs: 1000 };

describe("publishToAccount: the pipeline's entry point", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let bridge: FakeXhsBridge;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge = await startFakeXhsBridge({ token: "pipeline-token", timeScale: 0.01 });
  });
  afterAll(() => bridge.close());

  it("publishes through the account's bridge with its decrypted token, and audits the outcome", async () => {
    const account = await createAccount(db, ws.admin, {
      name: "桥接发布",
      redId: "bridge_pub",
      publisherId: "xhs-bridge",
      publisherConfig: { baseUrl: bridge.url, token: "pipeline-token", ...fast },
    });
    const target = { workspaceId: ws.workspaceId, accountId: account.id };
    expect(await publishToAccount(db, ws.admin, target, note, { cache: createInProcessCache() })).toMatchObject({ status: "published" });
    expect(bridge.received.at(-1)).toMatchObject({ path: "/api/v1/publish", authorization: "Bearer pipeline-token" });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "publishing.publish"));
    expect(event.changes?.after).toMatchObject({ outcome: "published", job: "job_77" });
    expect(JSON.stringify(event)).not.toContain("pipeline-token");
    expect(await hasPublishingHistory(db, account.id)).toMatchObject({ hasHistory: true, counts: { publishing_events: 1 } });
  });

  it("refuses without sending when the account is paused", async () => {
    const account = await createAccount(db, ws.admin, {
      name: "暂停发布",
      redId: "paused_pub",
      publisherId: "xhs-bridge",
      publisherConfig: { baseUrl: bridge.url, token: "pipeline-token", ...fast },
    });
    await pauseAccount(db, ws.admin, account.id, "品牌审核中");
    const before = bridge.received.length;
    expect(await publishToAccount(db, ws.admin, { workspaceId: ws.workspaceId, accountId: account.id }, note)).toEqual({
      status: "rejected",
      reason: "The account is paused: 品牌审核中",
    });
    expect(bridge.received.length).toBe(before);
  });

  it("records sandbox publications, and never publishes for another workspace's id", async () => {
    const account = await createAccount(db, ws.admin, { name: "沙盒发布", redId: "sandbox_pub" });
    expect((await publishToAccount(db, ws.admin, { workspaceId: ws.workspaceId, accountId: account.id }, note)).status).toBe("published");
    expect(await db.select().from(sandboxPublications).where(eq(sandboxPublications.accountId, account.id))).toHaveLength(1);
    expect((await publishToAccount(db, ws.admin, { workspaceId: "ws_other", accountId: account.id }, note)).status).toBe("rejected");
  });
});
