/** The signed collection webhook: QStash-format JWT verified against body and URL, then a run through the fake bridge. */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhook from "@/app/api/webhooks/collection/route";
import type { Db } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { signingKeys } from "@/lib/analytics/collector/verify-signature";
import { createCompetitor } from "@/lib/competitors/manage-competitors";
import { callRoute } from "../support/call-route";
import { startFakeDataBridge, type FakeBridge } from "../support/fake-xhs-data-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const url = "http://localhost:3000/api/webhooks/collection";
const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

/** Exactly what QStash sends: HS256 JWT with iss, sub = URL, body = base64url(sha256(body)), iat/nbf/exp, jti. */
function sign(body: string, key: string, at = Math.floor(Date.now() / 1000)): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = b64url(JSON.stringify({ iss: "Upstash", sub: url, body: b64url(createHash("sha256").update(body).digest()), iat: at, nbf: at, exp: at + 300, jti: randomUUID() }));
  return `${header}.${claims}.${b64url(createHmac("sha256", key).update(`${header}.${claims}`).digest())}`;
}

describe("collection webhook", () => {
  let db: Db;
  let bridge: FakeBridge;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    bridge = await startFakeDataBridge();
    process.env.XHS_DATA_BRIDGE_URL = bridge.url; // before the app first reads its environment
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge.notes.set("w1", { id: "w1", userId: "u_w", nickname: "花西子", title: "东方彩妆", desc: "", type: "normal", time: Date.now() - 7_200_000, likes: "3.3万", collects: "1,200", comments: "300", shares: "20" });
    bridge.profiles.set("u_w", { userId: "u_w", nickname: "花西子", fans: "50万", follows: "3", interaction: "800万", noteIds: ["w1"] });
    await createCompetitor(db, ws.admin, { name: "花西子", redUserId: "u_w", xsecToken: "t" });
    await createCompetitor(db, ws.admin, { name: "没有令牌", redUserId: "u_none" });
  });
  afterAll(() => bridge.close());

  const call = (body: string, signature?: string) => callRoute(webhook.POST, url, { method: "POST", rawBody: body, headers: signature ? { "upstash-signature": signature } : {} });

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
    expect(res.json).toMatchObject({ competitors: 1, succeeded: 1 });
    const [note] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "w1"));
    expect(note.likes).toBe(33_000);
  });
});
