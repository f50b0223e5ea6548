/** Competitors over REST with an API token: CRUD, snapshot and note ingest, rollups vs raw rows, bad input. */
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as oneRoute from "@/app/api/v1/competitors/[id]/route";
import * as notesRoute from "@/app/api/v1/competitors/[id]/notes/route";
import * as snapshotsRoute from "@/app/api/v1/competitors/[id]/snapshots/route";
import * as listRoute from "@/app/api/v1/competitors/route";
import type { Db } from "@/db/client";
import { auditEvents, competitorAlerts, noteSnapshots, subjectDaily, topicDaily, trackedNotes } from "@/db/schema";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("competitors REST API", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let operator = "";
  let guest = "";
  let id = "";
  const daysAgo = (n: number, hour = 12) =>
    new Date(Date.now() - n * 86_400_000 - (Date.now() % 3_600_000) + (hour - 12) * 3_600_000).toISOString();

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    operator = (await memberWithToken(db, ws.admin, "operator")).token;
    guest = (await memberWithToken(db, ws.admin, "guest")).token;
  });

  it("creates, lists, edits a competitor, never showing the xsec token", async () => {
    const created = await callRoute(listRoute.POST, "/api/v1/competitors", {
      method: "POST",
      token: operator,
      body: { name: "完美日记", redUserId: "5a1b2c3d", xsecToken: "ABxyz", groups: ["彩妆"], tags: ["国货"] },
    });
    expect(created.status).toBe(201);
    id = created.json.competitor.id;
    expect(created.json.competitor.hasXsecToken).toBe(true);
    expect(created.text).not.toContain("ABxyz");
    const dup = await callRoute(listRoute.POST, "/api/v1/competitors", {
      method: "POST",
      token: operator,
      body: { name: "again", redUserId: "5a1b2c3d" },
    });
    expect(dup.status).toBe(409);
    const patched = await callRoute(oneRoute.PATCH, `/api/v1/competitors/${id}`, {
      method: "PATCH",
      token: operator,
      params: { id },
      body: { notes: "主打平价" },
    });
    expect(patched.json.competitor.notes).toBe("主打平价");
    const listed = await callRoute(listRoute.GET, "/api/v1/competitors", { token: guest });
    expect(listed.json.competitors.map((c: { name: string }) => c.name)).toEqual(["完美日记"]);
    const forbidden = await callRoute(listRoute.POST, "/api/v1/competitors", {
      method: "POST",
      token: guest,
      body: { name: "x", redUserId: "x1" },
    });
    expect(forbidden.status).toBe(403);
  });

  it("answers an empty patch (no body, or {}) with the competitor unchanged, not a 500", async () => {
    const audits = async () => (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "competitors.update")))[0].n;
    const before = await audits();
    for (const options of [{}, { body: {} }]) {
      const res = await callRoute(oneRoute.PATCH, `/api/v1/competitors/${id}`, {
        method: "PATCH",
        token: operator,
        params: { id },
        ...options,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json.competitor).toMatchObject({ id, name: "完美日记", notes: "主打平价" });
    }
    expect(await audits()).toBe(before);
  });

  it("appends snapshots with count strings, ignoring the same moment twice", async () => {
    const body = {
      snapshots: [
        { takenAt: daysAgo(2), followers: "1.7万", likesAndCollects: "10万+", noteCount: 120 },
        { takenAt: daysAgo(1), followers: 17_500, noteCount: 122 },
      ],
    };
    const first = await callRoute(snapshotsRoute.POST, `/x`, { method: "POST", token: operator, params: { id }, body });
    expect(first.status).toBe(201);
    expect(first.json.result.snapshotsAdded).toBe(2);
    const again = await callRoute(snapshotsRoute.POST, `/x`, { method: "POST", token: operator, params: { id }, body });
    expect(again.json.result.snapshotsAdded).toBe(0);
    const days = await db.select().from(subjectDaily).where(eq(subjectDaily.subjectId, id)).orderBy(subjectDaily.day);
    expect(days.map((d) => d.followers)).toEqual([17_000, 17_500]);
    expect(days[0].likesAndCollects).toBe(100_000);
  });

  it("upserts notes, keeps the latest counts, and keeps rollups equal to the raw notes", async () => {
    const note = (noteId: string, ago: number, likes: number | string, topics: string[], takenAt?: string) => ({
      noteId,
      title: `测评${noteId}`,
      topics,
      publishedAt: daysAgo(ago),
      likes,
      collects: 10,
      comments: 5,
      shares: 1,
      takenAt,
    });
    const notes = [note("n1", 3, 120, ["粉底液", "平价"]), note("n2", 3, "1.2万", ["粉底液"]), note("n3", 1, 40, ["口红"])];
    const first = await callRoute(notesRoute.POST, "/x", { method: "POST", token: operator, params: { id }, body: { notes } });
    expect(first.status).toBe(201);
    expect(first.json.result).toMatchObject({ notesCreated: 3, notesUpdated: 0, noteSnapshotsAdded: 3, viralAlerts: 1 });
    // A later reading of n1 updates it; an older reading does not overwrite the newer counts.
    await callRoute(notesRoute.POST, "/x", {
      method: "POST",
      token: operator,
      params: { id },
      body: { notes: [note("n1", 3, 300, ["粉底液", "平价"], new Date().toISOString())] },
    });
    const stale = await callRoute(notesRoute.POST, "/x", {
      method: "POST",
      token: operator,
      params: { id },
      body: { notes: [note("n1", 3, 5, ["粉底液", "平价"], daysAgo(2))] },
    });
    expect(stale.json.result).toMatchObject({ notesCreated: 0, notesUpdated: 1, noteSnapshotsAdded: 1 });
    const [n1] = await db.select().from(trackedNotes).where(eq(trackedNotes.noteId, "n1"));
    expect(n1.likes).toBe(300);
    expect(n1.engagement).toBe(316);
    expect((await db.select({ n: count() }).from(noteSnapshots))[0].n).toBe(5);

    const [raw] = await db.select({ e: sql<number>`sum(engagement)`, n: count() }).from(trackedNotes).where(eq(trackedNotes.subjectId, id));
    const [rolled] = await db
      .select({ e: sql<number>`sum(engagement)`, n: sql<number>`sum(notes_published)` })
      .from(subjectDaily)
      .where(eq(subjectDaily.subjectId, id));
    expect(rolled).toEqual({ e: raw.e, n: raw.n });
    const topics = await db
      .select()
      .from(topicDaily)
      .where(and(eq(topicDaily.subjectId, id), eq(topicDaily.topic, "粉底液")));
    expect(topics.reduce((s, t) => s + t.notes, 0)).toBe(2);
    expect((await db.select().from(competitorAlerts).where(eq(competitorAlerts.kind, "viral_note"))).map((a) => a.payload.noteId)).toEqual([
      "n2",
    ]);
  });

  it("refuses negative counts, future dates and unknown competitors, storing nothing", async () => {
    const before = (await db.select({ n: count() }).from(trackedNotes))[0].n;
    const bad = await callRoute(notesRoute.POST, "/x", {
      method: "POST",
      token: operator,
      params: { id },
      body: {
        notes: [
          { noteId: "ok1", publishedAt: daysAgo(1), likes: 1, collects: 1, comments: 1, shares: 1 },
          { noteId: "bad", publishedAt: daysAgo(-3), likes: -4, collects: "abc", comments: 0, shares: 0 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fieldErrors)).toEqual(
      expect.arrayContaining(["notes.1.publishedAt", "notes.1.likes", "notes.1.collects"]),
    );
    expect((await db.select({ n: count() }).from(trackedNotes))[0].n).toBe(before);
    const missing = await callRoute(snapshotsRoute.POST, "/x", {
      method: "POST",
      token: operator,
      params: { id: "cmp_nope" },
      body: { snapshots: [{ takenAt: daysAgo(1), followers: 1 }] },
    });
    expect(missing.status).toBe(404);
  });

  it("deletes the competitor with its history, audited", async () => {
    const res = await callRoute(oneRoute.DELETE, "/x", { method: "DELETE", token: operator, params: { id } });
    expect(res.status).toBe(204);
    expect((await db.select({ n: count() }).from(trackedNotes))[0].n).toBe(0);
    expect((await db.select({ n: count() }).from(subjectDaily))[0].n).toBe(0);
    const actions = (await db.select({ a: auditEvents.action }).from(auditEvents)).map((r) => r.a);
    expect(actions).toEqual(
      expect.arrayContaining(["competitors.create", "competitors.update", "competitors.ingest", "competitors.delete"]),
    );
    expect((await callRoute(oneRoute.GET, "/x", { token: guest, params: { id } })).status).toBe(404);
  });
});
