/** The bridge collector against a fake xiaohongshu-mcp: profile + details, keyword search, timeouts, errors, status. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { collectCompetitor } from "@/lib/competitors/collect/collect-competitor";
import { collectKeyword } from "@/lib/competitors/collect/collect-keyword";
import { createDataBridgeClient } from "@/lib/competitors/collect/data-bridge-client";
import { listCollectionStatus } from "@/lib/competitors/ingest/collection-status";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { startFakeDataBridge, type FakeBridge } from "../support/fake-xhs-data-bridge";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("bridge collector", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let bridge: FakeBridge;
  let competitorId = "";
  const hourAgo = Date.now() - 3_600_000;

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    bridge = await startFakeDataBridge();
    bridge.notes.set("n1", {
      id: "n1",
      userId: "u_pd",
      nickname: "完美日记",
      title: "粉底液测评",
      desc: "油皮 #粉底液[话题]#",
      type: "normal",
      time: hourAgo - 86_400_000,
      likes: "1.7万",
      collects: "3,201",
      comments: "85",
      shares: "12",
    });
    bridge.notes.set("n2", {
      id: "n2",
      userId: "u_pd",
      nickname: "完美日记",
      title: "口红试色",
      desc: "",
      type: "video",
      time: hourAgo,
      likes: "230",
      collects: "40",
      comments: "9",
      shares: "1",
    });
    bridge.notes.set("n3", {
      id: "n3",
      userId: "u_other",
      nickname: "路人",
      title: "粉底液避雷",
      desc: "",
      type: "normal",
      time: hourAgo,
      likes: "5",
      collects: "1",
      comments: "0",
      shares: "0",
    });
    bridge.profiles.set("u_pd", {
      userId: "u_pd",
      nickname: "完美日记",
      fans: "12.5万",
      follows: "20",
      interaction: "100万+",
      noteIds: ["n1", "n2"],
    });
    competitorId = (await createCompetitor(db, ws.admin, { name: "完美日记", redUserId: "u_pd", xsecToken: "tok" })).id;
  });
  afterAll(() => bridge.close());

  it("collects the profile and its notes, with publish times from the note detail", async () => {
    const client = createDataBridgeClient({ baseUrl: bridge.url, timeoutMs: 2000, retryDelayMs: 10 });
    const summary = await collectCompetitor(db, ws.admin, competitorId, client);
    expect(summary).toEqual({ followers: 125_000, notesSeen: 2, notesIngested: 2, notesSkipped: 0 });
    const [n1] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "n1"));
    expect(n1).toMatchObject({ likes: 17_000, collects: 3_201, topics: ["粉底液"], imagesCount: 2 });
    expect(n1.publishedAt.getTime()).toBe(hourAgo - 86_400_000);
    // A second run only asks for details of notes it has not seen.
    const detailsBefore = bridge.calls.filter((c) => c.path === "/api/v1/feeds/detail").length;
    await collectCompetitor(db, ws.admin, competitorId, client);
    expect(bridge.calls.filter((c) => c.path === "/api/v1/feeds/detail").length).toBe(detailsBefore);
    const [status] = await listCollectionStatus(db, ws.workspaceId, competitorId);
    expect(status).toMatchObject({ source: "bridge_profile", status: "ok", itemsCollected: 3 });
  });

  it("searches by keyword and keeps only notes by tracked competitors", async () => {
    const client = createDataBridgeClient({ baseUrl: bridge.url, timeoutMs: 2000, retryDelayMs: 10 });
    const result = await collectKeyword(db, ws.admin, "粉底液", client);
    expect(result).toEqual({ feeds: 2, ingested: 1 });
    expect(await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "n3"))).toEqual([]);
    const [n1] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "n1"));
    expect(n1.subjectId).toBe(competitorId);
  });

  it("records a bridge error and a timeout in the status and answers COLLECTION_FAILED", async () => {
    const client = createDataBridgeClient({ baseUrl: bridge.url, timeoutMs: 150, retryDelayMs: 10 });
    bridge.failNext = { error: "not logged in", code: "INVALID_REQUEST", status: 400 };
    await expect(collectCompetitor(db, ws.admin, competitorId, client)).rejects.toMatchObject({ code: "COLLECTION_FAILED" });
    let [status] = await listCollectionStatus(db, ws.workspaceId, competitorId);
    // The bridge's code, in our words: its error text is not stored or shown.
    expect(status).toMatchObject({ status: "error", lastError: "INVALID_REQUEST: the bridge answered HTTP 400" });
    expect(status.lastSuccessAt).not.toBeNull();

    bridge.delayMs = 400;
    await expect(collectCompetitor(db, ws.admin, competitorId, client)).rejects.toMatchObject({ code: "COLLECTION_FAILED" });
    bridge.delayMs = 0;
    [status] = await listCollectionStatus(db, ws.workspaceId, competitorId);
    expect(status.lastError).toMatch(/^TIMEOUT: bridge timed out after 150 ms/);
  });

  it("asks for the xsec token before calling the bridge", async () => {
    const other = await createCompetitor(db, ws.admin, { name: "花西子", redUserId: "u_hxz" });
    const client = createDataBridgeClient({ baseUrl: bridge.url });
    await expect(collectCompetitor(db, ws.admin, other.id, client)).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      fieldErrors: { xsecToken: [expect.any(String)] },
    });
  });
});
