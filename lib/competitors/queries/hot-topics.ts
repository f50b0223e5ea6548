/**
 * Hot topics and keywords: last 7 days vs the 7 before (ending `to`), scored by
 * rules/rank-hot-topics.ts, with the notes behind each rising topic and the watchlist's numbers.
 * Topics come from the topic_daily rollup; keywords are segmented (jieba) from the 14 days' titles.
 */
import { and, asc, between, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { subjectDaily, topicDaily, topicWatchlist } from "@/db/schema";
import { cachedAnalytics } from "../cache/analytics-cache";
import { segmentWords } from "../rules/extract-keywords";
import { rankHotTopics, scoreTopic, type TopicInput, type TopicScore } from "../rules/rank-hot-topics";
import { addDays, dayKey } from "../rules/time-buckets";
import { notesInRange, type RangeNote } from "./notes-in-range";

export type HotTopics = {
  window: { currentFrom: string; currentTo: string; previousFrom: string; previousTo: string };
  totals: { current: number; previous: number; engagementPerNote: number };
  topics: (TopicScore & { notes: RangeNote[] })[];
  keywords: TopicScore[];
  watchlist: { id: string; topic: string; score: TopicScore }[];
};

export async function getHotTopics(db: DbOrTx, ws: { workspaceId: string; timezone: string }, to: string): Promise<HotTopics> {
  return cachedAnalytics(ws.workspaceId, "hot-topics", { to }, async () => {
    const currentFrom = addDays(to, -6);
    const previousTo = addDays(to, -7);
    const previousFrom = addDays(to, -13);
    const which = (day: string) => (day >= currentFrom ? "current" : "previous") as "current" | "previous";
    const [topicRows, totalRows, notes, watch] = await Promise.all([
      db
        .select({ topic: topicDaily.topic, day: topicDaily.day, notes: topicDaily.notes, engagement: topicDaily.engagement })
        .from(topicDaily)
        .where(and(eq(topicDaily.workspaceId, ws.workspaceId), between(topicDaily.day, previousFrom, to))),
      db
        .select({
          day: subjectDaily.day,
          notes: sql<number>`sum(${subjectDaily.notesPublished})`,
          engagement: sql<number>`sum(${subjectDaily.engagement})`,
        })
        .from(subjectDaily)
        .where(and(eq(subjectDaily.workspaceId, ws.workspaceId), between(subjectDaily.day, previousFrom, to)))
        .groupBy(subjectDaily.day),
      notesInRange(db, ws, previousFrom, to, { limit: 5000 }),
      db.select().from(topicWatchlist).where(eq(topicWatchlist.workspaceId, ws.workspaceId)).orderBy(asc(topicWatchlist.topic)),
    ]);
    const totals = { current: 0, previous: 0, engagementPerNote: 1 };
    let engagement = 0;
    for (const r of totalRows) {
      totals[which(r.day)] += Number(r.notes);
      engagement += Number(r.engagement);
    }
    totals.engagementPerNote = Math.max(1, engagement / Math.max(1, totals.current + totals.previous));
    const inputs = new Map<string, TopicInput>();
    for (const r of topicRows) {
      const t = inputs.get(r.topic) ?? { topic: r.topic, current: { count: 0, engagement: 0 }, previous: { count: 0, engagement: 0 } };
      t[which(r.day)].count += r.notes;
      t[which(r.day)].engagement += r.engagement;
      inputs.set(r.topic, t);
    }
    // Keywords: distinct words per note title, counted like topics.
    const words = new Map<string, TopicInput>();
    const local = (n: RangeNote) => dayKey(new Date(n.publishedAt), ws.timezone);
    for (const n of notes) {
      const w = local(n) >= currentFrom ? "current" : "previous";
      for (const word of new Set(segmentWords(n.title))) {
        const t = words.get(word) ?? { topic: word, current: { count: 0, engagement: 0 }, previous: { count: 0, engagement: 0 } };
        t[w].count += 1;
        t[w].engagement += n.engagement;
        words.set(word, t);
      }
    }
    const topics = rankHotTopics([...inputs.values()], totals, { limit: 15 }).map((t) => ({
      ...t,
      notes: notes
        .filter((n) => n.topics.includes(t.topic) && local(n) >= currentFrom)
        .sort((a, b) => b.engagement - a.engagement)
        .slice(0, 3),
    }));
    const empty = (topic: string): TopicInput => ({ topic, current: { count: 0, engagement: 0 }, previous: { count: 0, engagement: 0 } });
    return {
      window: { currentFrom, currentTo: to, previousFrom, previousTo },
      totals,
      topics,
      keywords: rankHotTopics([...words.values()], totals, { limit: 20 }),
      watchlist: watch.map((w) => ({ id: w.id, topic: w.topic, score: scoreTopic(inputs.get(w.topic) ?? empty(w.topic), totals) })),
    };
  });
}
