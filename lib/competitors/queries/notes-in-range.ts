/** Notes published in a day range (workspace time zone), optionally for some subjects: bounded reads for per-note analysis. */
import { and, between, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { startOfDayInZone } from "@/lib/time/zoned";
import { addDays } from "../rules/time-buckets";

export type RangeNote = {
  noteId: string;
  subjectType: "competitor" | "account";
  subjectId: string;
  title: string;
  body: string;
  topics: string[];
  type: string;
  publishedAt: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  views: number | null;
  engagement: number;
  url: string | null;
};

export async function notesInRange(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  from: string,
  to: string,
  o: { subjectIds?: string[]; limit?: number } = {},
): Promise<RangeNote[]> {
  const start = startOfDayInZone(from, ws.timezone)!;
  const end = new Date(startOfDayInZone(addDays(to, 1), ws.timezone)!.getTime() - 1);
  const where: SQL[] = [eq(trackedNotes.workspaceId, ws.workspaceId), between(trackedNotes.publishedAt, start, end)];
  if (o.subjectIds) where.push(inArray(trackedNotes.subjectId, o.subjectIds.length ? o.subjectIds : [""]));
  const rows = await db
    .select({
      noteId: trackedNotes.noteId,
      subjectType: trackedNotes.subjectType,
      subjectId: trackedNotes.subjectId,
      title: trackedNotes.title,
      body: trackedNotes.body,
      topics: trackedNotes.topics,
      type: trackedNotes.type,
      publishedAt: trackedNotes.publishedAt,
      likes: trackedNotes.likes,
      collects: trackedNotes.collects,
      comments: trackedNotes.comments,
      shares: trackedNotes.shares,
      views: trackedNotes.views,
      engagement: trackedNotes.engagement,
      url: trackedNotes.url,
    })
    .from(trackedNotes)
    .where(and(...where))
    .orderBy(desc(trackedNotes.publishedAt))
    .limit(o.limit ?? 5000);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.getTime() }));
}
