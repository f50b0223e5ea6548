/** Content analysis over a range: title length vs engagement, topic frequency and engagement, jieba keywords, note type mix. */
import { and, between, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { topicDaily } from "@/db/schema";
import { cachedAnalytics } from "../cache/analytics-cache";
import { extractKeywords, type KeywordCount } from "../rules/extract-keywords";
import { titleLengthBucket, titleWidth } from "../rules/title-width";
import { notesInRange } from "./notes-in-range";
import type { DashboardRange } from "./range-params";

export type ContentAnalysis = {
  noteCount: number;
  titleLength: { bucket: string; notes: number; avgEngagement: number }[];
  topics: { topic: string; notes: number; engagement: number; avgEngagement: number }[];
  keywords: KeywordCount[];
  typeMix: { type: string; notes: number; avgEngagement: number }[];
};

const lengthBuckets = ["0-5", "6-10", "11-15", "16-20", "21+"];

export async function getContentAnalysis(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  range: DashboardRange,
  subjectIds: string[] | null,
): Promise<ContentAnalysis> {
  return cachedAnalytics(ws.workspaceId, "content", { from: range.from, to: range.to, subjectIds }, async () => {
    const topicWhere = [eq(topicDaily.workspaceId, ws.workspaceId), between(topicDaily.day, range.from, range.to)];
    if (subjectIds)
      topicWhere.push(
        sql`${topicDaily.subjectId} in (${sql.join(
          (subjectIds.length ? subjectIds : [""]).map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    const [notes, topics] = await Promise.all([
      notesInRange(db, ws, range.from, range.to, { subjectIds: subjectIds ?? undefined, limit: 3000 }),
      db
        .select({
          topic: topicDaily.topic,
          notes: sql<number>`sum(${topicDaily.notes})`,
          engagement: sql<number>`sum(${topicDaily.engagement})`,
        })
        .from(topicDaily)
        .where(and(...topicWhere))
        .groupBy(topicDaily.topic)
        .orderBy(sql`sum(${topicDaily.notes}) desc`)
        .limit(20),
    ]);
    const lengths = new Map(lengthBuckets.map((b) => [b, { notes: 0, engagement: 0 }]));
    const types = new Map<string, { notes: number; engagement: number }>();
    for (const n of notes) {
      const l = lengths.get(titleLengthBucket(titleWidth(n.title)))!;
      l.notes += 1;
      l.engagement += n.engagement;
      const t = types.get(n.type) ?? { notes: 0, engagement: 0 };
      t.notes += 1;
      t.engagement += n.engagement;
      types.set(n.type, t);
    }
    const avg = (x: { notes: number; engagement: number }) => (x.notes ? Math.round(x.engagement / x.notes) : 0);
    return {
      noteCount: notes.length,
      titleLength: lengthBuckets.map((bucket) => ({ bucket, notes: lengths.get(bucket)!.notes, avgEngagement: avg(lengths.get(bucket)!) })),
      topics: topics.map((t) => ({
        topic: t.topic,
        notes: Number(t.notes),
        engagement: Number(t.engagement),
        avgEngagement: avg({ notes: Number(t.notes), engagement: Number(t.engagement) }),
      })),
      keywords: extractKeywords(
        notes.map((n) => `${n.title} ${n.body}`),
        30,
      ),
      typeMix: [...types.entries()].map(([type, x]) => ({ type, notes: x.notes, avgEngagement: avg(x) })),
    };
  });
}
