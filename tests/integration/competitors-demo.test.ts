/** The demo workspace gets 8 competitors with 180 days of history, fast, through the real ingest path. */
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { competitorAlerts, competitors, profileSnapshots, subjectDaily, trackedNotes } from "@/db/schema";
import { getOverview } from "@/lib/competitors/queries/overview";
import { resolveRange } from "@/lib/competitors/queries/range-params";
import { listSubjects } from "@/lib/competitors/queries/subject-names";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("demo competitors", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db, { loadDemo: true });
  });

  it("seeds 8 competitors with 180 days of snapshots, notes with Chinese titles, rollups matching raw notes", async () => {
    const cs = await db.select().from(competitors).where(eq(competitors.workspaceId, ws.workspaceId));
    expect(cs).toHaveLength(8);
    const [snap] = await db
      .select({
        n: count(),
        days: sql<number>`count(distinct ${profileSnapshots.subjectId} || date(${profileSnapshots.takenAt} / 1000, 'unixepoch'))`,
      })
      .from(profileSnapshots)
      .where(eq(profileSnapshots.subjectId, cs[0].id));
    expect(snap.n).toBe(180);
    const notes = await db.select({ title: trackedNotes.title, topics: trackedNotes.topics }).from(trackedNotes).limit(50);
    expect(notes.length).toBe(50);
    expect(notes.every((n) => /[\u4e00-\u9fff]/.test(n.title) && n.topics.length > 0)).toBe(true);
    const [raw] = await db.select({ e: sql<number>`sum(engagement)`, n: count() }).from(trackedNotes);
    const [rolled] = await db.select({ e: sql<number>`sum(engagement)`, n: sql<number>`sum(notes_published)` }).from(subjectDaily);
    expect(rolled).toEqual({ e: raw.e, n: raw.n });
    expect((await db.select({ n: count() }).from(competitorAlerts))[0].n).toBeGreaterThan(0);
  });

  it("gives the overview real numbers for the last 30 days", async () => {
    const subjects = await listSubjects(db, ws.admin);
    const overview = await getOverview(
      db,
      { workspaceId: ws.workspaceId, timezone: "Asia/Shanghai" },
      subjects,
      resolveRange({}, "Asia/Shanghai"),
    );
    expect(overview.isEmpty).toBe(false);
    expect(overview.kpis.notes.value).toBeGreaterThan(100);
    expect(overview.topNotes).toHaveLength(10);
    expect(overview.selected).toHaveLength(8);
  });
});
