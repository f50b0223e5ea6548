/** The overview's hour granularity: raw snapshots bucketed by local hour in the workspace's time zone. */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import { getOverview } from "@/lib/competitors/queries/overview";
import { resolveRange } from "@/lib/competitors/queries/range-params";
import { listSubjects } from "@/lib/competitors/queries/subject-names";
import { addDays, dayKey } from "@/lib/competitors/rules/time-buckets";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("hourly overview series", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let key = "";
  // Yesterday and the day before in Shanghai, as UTC instants of given local hours.
  const tz = "Asia/Shanghai";
  const yesterday = addDays(dayKey(new Date(), tz), -1);
  const local = (day: string, hour: number, minute = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + (hour * 60 + minute) * 60_000);
  const note = (id: string, publishedAt: Date, likes: number) => ({
    noteId: id,
    title: id,
    body: "",
    topics: [],
    type: "normal" as const,
    imagesCount: 1,
    publishedAt,
    likes,
    collects: 0,
    comments: 0,
    shares: 0,
    takenAt: local(yesterday, 23, 50),
  });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    const c = await createCompetitor(db, ws.admin, { name: "品牌H", redUserId: "brand_h" });
    key = `c:${c.id}`;
    await ingestCompetitorData(
      db,
      ws.admin,
      c.id,
      {
        // Two snapshots in local 09:00-10:00 (the later one counts), one at 00:10 local = 16:10 UTC the day before.
        profiles: [
          { takenAt: local(yesterday, 9, 5), followers: 1000 },
          { takenAt: local(yesterday, 9, 55), followers: 1010 },
          { takenAt: local(yesterday, 0, 10), followers: 990 },
        ],
        notes: [note("h1", local(yesterday, 9, 30), 100), note("h2", local(yesterday, 9, 45), 50), note("h3", local(yesterday, 21, 0), 7)],
      },
      "api",
    );
  });

  it("buckets followers, engagement and notes by Shanghai hour", async () => {
    const range = resolveRange({ from: yesterday, to: yesterday, g: "hour", s: key }, tz);
    const overview = await getOverview(db, { workspaceId: ws.workspaceId, timezone: tz }, await listSubjects(db, ws.admin), range);
    expect(overview.range.granularity).toBe("hour");
    expect(overview.series).toHaveLength(24);
    const at = (h: number) => overview.series.find((p) => p.bucket === `${yesterday}T${String(h).padStart(2, "0")}`)!;
    expect(at(0).followers[key]).toBe(990);
    expect(at(9).followers[key]).toBe(1010);
    expect(at(9).engagement[key]).toBe(150);
    expect(at(9).notes[key]).toBe(2);
    expect(at(21).engagement[key]).toBe(7);
    expect(at(10).engagement[key]).toBeUndefined();
  });

  it("shifts the buckets when the workspace is in another zone", async () => {
    await db.update(workspaces).set({ timezone: "UTC" }).where(eq(workspaces.id, ws.workspaceId));
    const day = addDays(yesterday, -1); // the 00:10 Shanghai snapshot is 16:10 UTC on the day before
    const range = resolveRange({ from: day, to: yesterday, g: "hour", s: key }, "UTC");
    const overview = await getOverview(db, { workspaceId: ws.workspaceId, timezone: "UTC" }, await listSubjects(db, ws.admin), range);
    expect(overview.series).toHaveLength(48);
    const at = (d: string, h: number) => overview.series.find((p) => p.bucket === `${d}T${String(h).padStart(2, "0")}`)!;
    expect(at(day, 16).followers[key]).toBe(990);
    expect(at(yesterday, 1).followers[key]).toBe(1010); // 09:55 Shanghai = 01:55 UTC
    expect(at(yesterday, 1).engagement[key]).toBe(150);
    expect(at(yesterday, 13).engagement[key]).toBe(7);
  });
});
