/** The signed collection webhook: QStash-format JWT verified against body and URL, then a run through the fake bridge. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhook from "@/app/api/webhooks/collection/route";
import { periodicWebhooks } from "@/lib/jobs/periodic-jobs";
import type { Db } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { signQstashRequest } from "@/lib/jobs/qstash-signature";
import { signingKeys } from "@/lib/jobs/signing-keys";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { callRoute } from "../support/call-route";
import { startFakeDataBridge, type FakeBridge } from "../support/fake-xhs-data-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const url = "http://localhost:3000/api/webhooks/collection";
const sign = (body: string, key: string) => signQstashRequest({ url, body, key });

describe("collection webhook", () => {
  let db: Db;
  let bridge: FakeBridge;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    bridge = await startFakeDataBridge();
    process.env.XHS_DATA_BRIDGE_URL = bridge.url; // before the app first reads its environment
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge.notes.set("w1", {
      id: "w1",
      userId: "u_w",
      nickname: "花西子",
      title: "东方彩妆",
      desc: "",
      type: "normal",
      time: Date.now() - 7_200_000,
      likes: "3.3万",
      collects: "1,200",
      comments: "300",
      shares: "20",
    });
    bridge.profiles.set("u_w", { userId: "u_w", nickname: "花西子", fans: "50万", follows: "3", interaction: "800万", noteIds: ["w1"] });
    await createCompetitor(db, ws.admin, { name: "花西子", redUserId: "u_w", xsecToken: "t" });
    await createCompetitor(db, ws.admin, { name: "没有令牌", redUserId: "u_none" });
  });
  afterAll(() => bridge.close());

  const call = (body: string, signature?: string) =>
    callRoute(webhook.POST, url, { method: "POST", rawBody: body, headers: signature ? { "upstash-signature": signature } : {} });

  it("refuses a missing, forged or mismatched signature with 401 and collects nothing", async () => {
    const body = JSON.stringify({ workspaceId: ws.workspaceId });
    expect((await call(body)).status).toBe(401);
    expect((await call(body, sign(body, "not-the-key"))).status).toBe(401);
    const other = JSON.stringify({ workspaceId: "ws_other" });
    const res = await call(body, sign(other, signingKeys().current));
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("INVALID_SIGNATURE");
    expect(await db.select().from(trackedNotes)).toEqual([]);
  });

  it("runs a collection for competitors with a token when the signature is valid", async () => {
    const body = JSON.stringify({ workspaceId: ws.workspaceId });
    const res = await call(body, sign(body, signingKeys().next));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ workspaces: [{ workspaceId: ws.workspaceId, competitors: 1, succeeded: 1 }] });
    const [note] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "w1"));
    expect(note.likes).toBe(33_000);
  });

  it("collects every workspace when the periodic call names none", async () => {
    const res = await call("{}", sign("{}", signingKeys().current));
    expect(res.status).toBe(200);
    expect(res.json.workspaces).toEqual(
      expect.arrayContaining([expect.objectContaining({ workspaceId: ws.workspaceId, competitors: 1, succeeded: 1 })]),
    );
    expect(periodicWebhooks).toContainEqual(expect.objectContaining({ path: "/api/webhooks/collection" }));
  });
});
