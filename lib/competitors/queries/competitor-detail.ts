/**
 * One competitor's page: latest profile numbers, daily trends, notes with metrics, best and
 * worst notes, a weekday x hour posting heatmap weighted by engagement, and the topic mix.
 */
import { and, between, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { profileSnapshots, topicDaily } from "@/db/schema";
import { cachedAnalytics } from "../cache/analytics-cache";
import { localParts } from "../rules/time-buckets";
import { bucketOf, bucketsInRange } from "../rules/time-buckets";
import { loadDaily } from "./load-daily";
import { notesInRange, type RangeNote } from "./notes-in-range";
import type { DashboardRange } from "./range-params";

export type CompetitorDetail = {
  latest: {
    followers: number | null;
    following: number | null;
    likesAndCollects: number | null;
    noteCount: number | null;
    takenAt: number;
  } | null;
  series: { bucket: string; followers: number | null; engagement: number; notes: number }[];
  notes: RangeNote[];
  best: RangeNote[];
  worst: RangeNote[];
  /** heatmap[weekday 0=Mon][hour] = { notes, engagement } */
  heatmap: { notes: number; engagement: number }[][];
  topics: { topic: string; notes: number; engagement: number }[];
};

export async function getCompetitorDetail(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  competitorId: string,
  range: DashboardRange,
): Promise<CompetitorDetail> {
  // Hourly series exist on the overview only; here an hour request reads days.
  const granularity = range.granularity === "hour" ? "day" : range.granularity;
  return cachedAnalytics(ws.workspaceId, "competitor", { competitorId, from: range.from, to: range.to, g: granularity }, async () => {
    const subject = { type: "competitor" as const, id: competitorId };
    const [latestRow] = await db
      .select()
      .from(profileSnapshots)
      .where(
        and(
          eq(profileSnapshots.workspaceId, ws.workspaceId),
          eq(profileSnapshots.subjectType, "competitor"),
          eq(profileSnapshots.subjectId, competitorId),
        ),
      )
      .orderBy(desc(profileSnapshots.takenAt))
      .limit(1);
    const [daily, notes, topics] = await Promise.all([
      loadDaily(db, ws.workspaceId, range.from, range.to, [subject]),
      notesInRange(db, ws, range.from, range.to, { subjectIds: [competitorId], limit: 2000 }),
      db
        .select({
          topic: topicDaily.topic,
          notes: sql<number>`sum(${topicDaily.notes})`,
          engagement: sql<number>`sum(${topicDaily.engagement})`,
        })
        .from(topicDaily)
        .where(
          and(
            eq(topicDaily.workspaceId, ws.workspaceId),
            eq(topicDaily.subjectType, "competitor"),
            eq(topicDaily.subjectId, competitorId),
            between(topicDaily.day, range.from, range.to),
          ),
        )
        .groupBy(topicDaily.topic)
        .orderBy(sql`sum(${topicDaily.notes}) desc`)
        .limit(15),
    ]);
    const buckets = bucketsInRange(range.from, range.to, granularity);
    const index = new Map(buckets.map((b, i) => [b, i]));
    const series = buckets.map((bucket) => ({ bucket, followers: null as number | null, engagement: 0, notes: 0 }));
    for (const r of daily) {
      const p = series[index.get(bucketOf(r.day, granularity))!];
      p.engagement += r.engagement;
      p.notes += r.notesPublished;
      if (r.followers !== null) p.followers = r.followers;
    }
    const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ notes: 0, engagement: 0 })));
    for (const n of notes) {
      const { weekday, hour } = localParts(new Date(n.publishedAt), ws.timezone);
      heatmap[weekday][hour].notes += 1;
      heatmap[weekday][hour].engagement += n.engagement;
    }
    const byEngagement = [...notes].sort((a, b) => b.engagement - a.engagement);
    return {
      latest: latestRow
        ? {
            followers: latestRow.followers,
            following: latestRow.following,
            likesAndCollects: latestRow.likesAndCollects,
            noteCount: latestRow.noteCount,
            takenAt: latestRow.takenAt.getTime(),
          }
        : null,
      series,
      notes: notes.slice(0, 100),
      best: byEngagement.slice(0, 5),
      worst: byEngagement.length > 5 ? byEngagement.slice(-5).reverse() : [],
      heatmap,
      topics: topics.map((t) => ({ topic: t.topic, notes: Number(t.notes), engagement: Number(t.engagement) })),
    };
  });
}
