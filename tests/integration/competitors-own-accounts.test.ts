/**
 * Own accounts collected through the bridge into the same series as competitors: through the
 * account's own xhs-bridge (its publisher URL and token, GET /api/v1/user/me), or the data bridge
 * when it is logged in as that account; per-source status; the scheduled run includes them.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { profileSnapshots, trackedNotes } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { collectOwnAccount } from "@/lib/competitors/collect/collect-own-account";
import { createDataBridgeClient } from "@/lib/competitors/collect/data-bridge-client";
import { runScheduledCollection } from "@/lib/competitors/collect/run-scheduled-collection";
import { listCollectionStatus } from "@/lib/competitors/ingest/collection-status";
import { startFakeDataBridge, type FakeBridge } from "../support/fake-xhs-data-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("own account collection", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let own: FakeBridge; // the account's own xiaohongshu-mcp
  let data: FakeBridge; // the team's data bridge
  let bridged = "";
  let sandboxed = "";
  const hourAgo = Date.now() - 3_600_000;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    [own, data] = await Promise.all([startFakeDataBridge(), startFakeDataBridge()]);
    own.token = "own-bridge-token";
    own.notes.set("o1", {
      id: "o1",
      userId: "xiaolu",
      nickname: "小鹿",
      title: "秋冬护肤",
      desc: "#护肤[话题]#",
      type: "normal",
      time: hourAgo - 86_400_000,
      likes: "1.2万",
      collects: "800",
      comments: "51",
      shares: "7",
    });
    own.me = { userId: "xiaolu", nickname: "小鹿", fans: "3.4万", follows: "12", interaction: "20万", noteIds: ["o1"] };
    data.notes.set("d1", {
      id: "d1",
      userId: "lab",
      nickname: "成分实验室",
      title: "成分表怎么看",
      desc: "",
      type: "video",
      time: hourAgo,
      likes: "320",
      collects: "40",
      comments: "9",
      shares: "2",
    });
    bridged = (
      await createAccount(db, ws.admin, {
        name: "小鹿美妆日记",
        redId: "xiaolu",
        publisherId: "xhs-bridge",
        publisherConfig: { baseUrl: own.url, token: "own-bridge-token" },
      })
    ).id;
    sandboxed = (await createAccount(db, ws.admin, { name: "成分实验室", redId: "lab" })).id;
  });
  afterAll(async () => {
    await own?.close();
    await data?.close();
  });

  it("collects an xhs-bridge account through its own bridge, with its token, into the account series", async () => {
    const summary = await collectOwnAccount(db, ws.admin, bridged, null);
    expect(summary).toEqual({ followers: 34_000, notesSeen: 1, notesIngested: 1, notesSkipped: 0, source: "bridge_own" });
    expect(own.calls.map((c) => c.path)).toEqual(["/api/v1/user/me", "/api/v1/feeds/detail"]);
    const [note] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "o1"));
    expect(note).toMatchObject({ subjectType: "account", subjectId: bridged, likes: 12_000, topics: ["护肤"] });
    const snaps = await db
      .select()
      .from(profileSnapshots)
      .where(and(eq(profileSnapshots.subjectType, "account"), eq(profileSnapshots.subjectId, bridged)));
    expect(snaps.map((s) => [s.followers, s.source])).toEqual([[34_000, "bridge_own"]]);
    expect(await listCollectionStatus(db, ws.workspaceId, bridged)).toMatchObject([
      { source: "bridge_own", status: "ok", itemsCollected: 2 },
    ]);
  });

  it("records the own bridge's refusal (wrong token) in the account's status", async () => {
    own.token = "rotated";
    await expect(collectOwnAccount(db, ws.admin, bridged, null, { skipRateLimit: true })).rejects.toMatchObject({
      code: "COLLECTION_FAILED",
    });
    own.token = "own-bridge-token";
    const [status] = await listCollectionStatus(db, ws.workspaceId, bridged);
    expect(status).toMatchObject({ source: "bridge_own", status: "error", lastError: "UNAUTHORIZED: the bridge answered HTTP 401" });
    expect(status.lastSuccessAt).not.toBeNull();
  });

  it("uses the data bridge only when it is logged in as the account", async () => {
    const client = createDataBridgeClient({ baseUrl: data.url, timeoutMs: 2000, retryDelayMs: 10 });
    await expect(collectOwnAccount(db, ws.admin, sandboxed, null, { skipRateLimit: true })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect((await listCollectionStatus(db, ws.workspaceId, sandboxed))[0]).toMatchObject({
      status: "error",
      lastError: expect.stringMatching(/^NO_BRIDGE/),
    });

    data.me = { userId: "someone_else", nickname: "别人", fans: "1", follows: "1", interaction: "1", noteIds: [] };
    await expect(collectOwnAccount(db, ws.admin, sandboxed, client, { skipRateLimit: true })).rejects.toMatchObject({
      code: "COLLECTION_FAILED",
    });
    expect((await listCollectionStatus(db, ws.workspaceId, sandboxed)).find((s) => s.source === "bridge_data")).toMatchObject({
      status: "error",
      lastError: "OTHER_ACCOUNT: the data bridge is logged in as someone_else, not lab",
    });
    expect(await db.select().from(profileSnapshots).where(eq(profileSnapshots.subjectId, sandboxed))).toEqual([]);

    data.me = { userId: "lab", nickname: "成分实验室", fans: "8,800", follows: "3", interaction: "5万", noteIds: ["d1"] };
    expect(await collectOwnAccount(db, ws.admin, sandboxed, client, { skipRateLimit: true })).toMatchObject({
      source: "bridge_data",
      followers: 8_800,
      notesIngested: 1,
    });
  });

  it("includes own accounts in the scheduled run, even without a data bridge", async () => {
    own.calls.length = 0;
    own.me!.fans = "3.5万";
    const run = await runScheduledCollection(db, { workspaceId: ws.workspaceId }, null);
    expect(run.workspaces[0]).toMatchObject({
      competitors: 0,
      accounts: 1,
      succeeded: 1,
      accountResults: [{ accountId: bridged, ok: true }],
    });
    expect(own.calls[0].path).toBe("/api/v1/user/me");
    const withData = await runScheduledCollection(
      db,
      { workspaceId: ws.workspaceId },
      createDataBridgeClient({ baseUrl: data.url, timeoutMs: 2000, retryDelayMs: 10 }),
    );
    expect(withData.workspaces[0]).toMatchObject({ accounts: 2, succeeded: 2 });
    const followers = await db
      .select({ followers: profileSnapshots.followers })
      .from(profileSnapshots)
      .where(eq(profileSnapshots.subjectId, bridged));
    expect(followers.map((f) => f.followers)).toContain(35_000);
  });
});
