/**
 * Hour buckets for the overview trends, read from the raw series (there is no hourly rollup):
 * followers = the last profile snapshot taken in each local hour, engagement and notes = notes
 * published in that hour at their latest counts (the daily rollups' meaning, per hour). Bounded
 * by maxHourRangeDays, so a range is at most a few thousand snapshots per subject.
 */
import { and, asc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { profileSnapshots, trackedNotes } from "@/db/schema";
import { startOfDayInZone } from "@/lib/time/zoned";
import { addDays, hourKey } from "../rules/time-buckets";
import type { SeriesRow } from "./period-totals";
import { subjectKeyOf as keyOf, type SubjectRef } from "./range-params";

type Table = typeof profileSnapshots | typeof trackedNotes;

function whoIn(table: Table, subjects: SubjectRef[]): SQL {
  const parts: SQL[] = [];
  for (const type of ["competitor", "account"] as const) {
    const ids = subjects.filter((s) => s.type === type).map((s) => s.id);
    if (ids.length) parts.push(and(eq(table.subjectType, type), inArray(table.subjectId, ids))!);
  }
  return or(...parts)!;
}

export async function hourlySeriesRows(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  subjects: SubjectRef[],
  period: { from: string; to: string },
): Promise<SeriesRow[]> {
  if (!subjects.length) return [];
  const start = startOfDayInZone(period.from, ws.timezone)!;
  const end = startOfDayInZone(addDays(period.to, 1), ws.timezone)!;
  const [profiles, notes] = await Promise.all([
    db
      .select({
        subjectType: profileSnapshots.subjectType,
        subjectId: profileSnapshots.subjectId,
        followers: profileSnapshots.followers,
        takenAt: profileSnapshots.takenAt,
      })
      .from(profileSnapshots)
      .where(
        and(
          eq(profileSnapshots.workspaceId, ws.workspaceId),
          whoIn(profileSnapshots, subjects),
          gte(profileSnapshots.takenAt, start),
          lt(profileSnapshots.takenAt, end),
        ),
      )
      .orderBy(asc(profileSnapshots.takenAt)),
    db
      .select({
        subjectType: trackedNotes.subjectType,
        subjectId: trackedNotes.subjectId,
        engagement: trackedNotes.engagement,
        publishedAt: trackedNotes.publishedAt,
      })
      .from(trackedNotes)
      .where(
        and(
          eq(trackedNotes.workspaceId, ws.workspaceId),
          whoIn(trackedNotes, subjects),
          gte(trackedNotes.publishedAt, start),
          lt(trackedNotes.publishedAt, end),
        ),
      ),
  ]);
  const rows = new Map<string, SeriesRow>();
  const rowOf = (type: string, id: string, at: Date) => {
    const key = keyOf(type, id);
    const bucket = hourKey(at, ws.timezone);
    const row = rows.get(`${key}|${bucket}`) ?? { key, bucket, engagement: 0, notes: 0, followers: null };
    rows.set(`${key}|${bucket}`, row);
    return row;
  };
  for (const p of profiles) if (p.followers !== null) rowOf(p.subjectType, p.subjectId, p.takenAt).followers = p.followers; // ascending: the hour's last wins
  for (const n of notes) {
    const row = rowOf(n.subjectType, n.subjectId, n.publishedAt);
    row.engagement += n.engagement;
    row.notes += 1;
  }
  return [...rows.values()];
}
