/** Dashboard queries read the rollups: correct numbers with data, empty answers without, cache invalidated on ingest. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { analyticsSettingsSchema, updateAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { defaultCesWeights } from "@/lib/competitors/rules/ces-score";
import { getComparison } from "@/lib/competitors/queries/comparison";
import { getCompetitorDetail } from "@/lib/competitors/queries/competitor-detail";
import { getContentAnalysis } from "@/lib/competitors/queries/content-analysis";
import { getHotTopics } from "@/lib/competitors/queries/hot-topics";
import { getOverview } from "@/lib/competitors/queries/overview";
import { resolveRange } from "@/lib/competitors/queries/range-params";
import { listSubjects } from "@/lib/competitors/queries/subject-names";
import { addDays, dayKey } from "@/lib/competitors/rules/time-buckets";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("dashboard queries", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const tz = "Asia/Shanghai";
  const today = dayKey(new Date(), tz);
  // Noon Shanghai time, n days ago.
  const at = (daysAgo: number, hour = 12) => new Date(Date.parse(`${addDays(today, -daysAgo)}T00:00:00+08:00`) + hour * 3_600_000);
  const note = (id: string, daysAgo: number, likes: number, topics: string[], title = `标题${id}`) => ({
    noteId: id,
    title,
    body: "",
    topics,
    type: "normal" as const,
    imagesCount: 1,
    publishedAt: at(daysAgo),
    likes,
    collects: 10,
    comments: 5,
    shares: 5,
    takenAt: at(0, 0),
  });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("answers empty dashboards when nothing has been collected", async () => {
    const range = resolveRange({}, tz);
    const subjects = await listSubjects(db, ws.admin);
    const overview = await getOverview(db, { workspaceId: ws.workspaceId, timezone: tz }, subjects, range);
    expect(overview.isEmpty).toBe(true);
    expect(overview.kpis.engagement).toEqual({ value: 0, previous: 0, change: null });
    expect(overview.topNotes).toEqual([]);
    expect(overview.series).toHaveLength(30);
    const topics = await getHotTopics(db, { workspaceId: ws.workspaceId, timezone: tz }, today);
    expect(topics.topics).toEqual([]);
    expect((await getContentAnalysis(db, { workspaceId: ws.workspaceId, timezone: tz }, range, null)).noteCount).toBe(0);
  });

  it("computes KPIs vs the previous period, share of voice, top notes and hot topics from ingested data", async () => {
    const a = await createCompetitor(db, ws.admin, { name: "品牌A", redUserId: "brand_a" });
    const b = await createCompetitor(db, ws.admin, { name: "品牌B", redUserId: "brand_b" });
    const wsInfo = { workspaceId: ws.workspaceId, timezone: tz };
    const range = resolveRange({ from: addDays(today, -6), to: today }, tz);
    const subjects = await listSubjects(db, ws.admin);
    // Warm the cache: the ingest below must invalidate it.
    expect((await getOverview(db, wsInfo, subjects, range)).isEmpty).toBe(true);

    await ingestCompetitorData(
      db,
      ws.admin,
      a.id,
      {
        profiles: [
          { takenAt: at(10), followers: 10_000 },
          { takenAt: at(6), followers: 11_000 },
          { takenAt: at(0), followers: 12_000 },
        ],
        notes: [
          note("a1", 1, 980, ["秋冬穿搭"], "秋冬通勤穿搭"),
          note("a2", 2, 1500, ["秋冬穿搭", "大衣"], "大衣穿搭合集"),
          note("a3", 9, 80, ["防晒"]),
        ],
      },
      "api",
    );
    await ingestCompetitorData(db, ws.admin, b.id, { notes: [note("b1", 3, 180, ["秋冬穿搭"]), note("b2", 10, 380, ["防晒"])] }, "api");

    const overview = await getOverview(db, wsInfo, subjects, range);
    expect(overview.isEmpty).toBe(false);
    // current week: a1 1000, a2 1520, b1 200 -> 2720; previous: a3 100, b2 400 -> 500
    expect(overview.kpis.engagement).toEqual({ value: 2720, previous: 500, change: (2720 - 500) / 500 });
    expect(overview.kpis.notes).toMatchObject({ value: 3, previous: 2 });
    expect(overview.kpis.followerGrowth.value).toBe(1000);
    expect(overview.topNotes.map((n) => n.noteId)).toEqual(["a2", "a1", "b1"]);
    expect(overview.viralNotes.map((n) => n.noteId)).toEqual(["a2"]);
    expect(overview.shareOfVoice.find((s) => s.key === `c:${a.id}`)?.share).toBeCloseTo(2520 / 2720);
    const lastPoint = overview.series.at(-1)!;
    expect(lastPoint.followers[`c:${a.id}`]).toBe(12_000);

    const hot = await getHotTopics(db, wsInfo, today);
    expect(hot.totals).toEqual({ current: 3, previous: 2, engagementPerNote: 3220 / 5 });
    expect(hot.topics[0].topic).toBe("秋冬穿搭");
    expect(hot.topics[0].notes.map((n) => n.noteId)).toEqual(["a2", "a1", "b1"]);
    expect(hot.keywords.map((k) => k.topic)).toContain("穿搭");

    const detail = await getCompetitorDetail(db, wsInfo, a.id, range);
    expect(detail.latest?.followers).toBe(12_000);
    expect(detail.best[0].noteId).toBe("a2");
    expect(detail.heatmap.flat().reduce((s, c) => s + c.notes, 0)).toBe(2);
    expect(detail.topics[0]).toEqual({ topic: "秋冬穿搭", notes: 2, engagement: 2520 });

    const content = await getContentAnalysis(db, wsInfo, range, null);
    expect(content.noteCount).toBe(3);
    expect(content.keywords.find((k) => k.keyword === "穿搭")?.documents).toBe(2);

    const comparison = await getComparison(
      db,
      wsInfo,
      subjects.concat(await listSubjects(db, ws.admin)).filter((s, i, all) => all.findIndex((x) => x.key === s.key) === i),
      range,
    );
    const rowA = comparison.find((r) => r.key === `c:${a.id}`)!;
    // engagement 2520 over 2 notes; per 1,000 followers = 2520 / 12 = 210; CES = likes 2480 + collects 20 + comments 10*4 + shares 10*4 + follows 1000*8
    expect(rowA).toMatchObject({
      notes: 2,
      engagement: 2520,
      engagementPerNote: 1260,
      perThousandFollowers: 210,
      ces: 2480 + 20 + 40 + 40 + 8000,
    });
  });

  it("recounts viral notes when the workspace changes its threshold, and refuses bad weights", async () => {
    const wsInfo = { workspaceId: ws.workspaceId, timezone: tz };
    const range = resolveRange({ from: addDays(today, -6), to: today }, tz);
    const subjects = await listSubjects(db, ws.admin);
    expect((await getOverview(db, wsInfo, subjects, range)).kpis.viralNotes.value).toBe(1);
    await updateAnalyticsSettings(db, ws.admin, { viralRule: { minLikes: 900, tiers: [] }, cesWeights: defaultCesWeights });
    const after = await getOverview(db, wsInfo, subjects, range);
    expect(after.kpis.viralNotes.value).toBe(2);
    expect(after.viralNotes.map((n) => n.noteId)).toEqual(["a2", "a1"]);
    expect(
      analyticsSettingsSchema.safeParse({ viralRule: { minLikes: 0, tiers: [] }, cesWeights: { ...defaultCesWeights, share: -1 } }).success,
    ).toBe(false);
  });
});
