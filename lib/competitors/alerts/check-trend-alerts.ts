/** Reads a subject's last 14 days of rollups and raises cadence / engagement-drop alerts (once per week); returns the new alerts' ids. */
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitorAlerts, subjectDaily, type SubjectType } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { addDays, bucketOf, dayKey } from "../rules/time-buckets";
import { trendAlertsFor } from "./trend-alert-rules";

export async function checkTrendAlerts(
  db: DbOrTx,
  s: { workspaceId: string; timezone: string; subjectType: SubjectType; subjectId: string },
  now = new Date(),
): Promise<string[]> {
  const today = dayKey(now, s.timezone);
  const from = addDays(today, -13);
  const split = addDays(today, -6);
  const [w] = await db
    .select({
      notesLast7: sql<number>`coalesce(sum(CASE WHEN ${subjectDaily.day} >= ${split} THEN ${subjectDaily.notesPublished} END), 0)`,
      notesPrev7: sql<number>`coalesce(sum(CASE WHEN ${subjectDaily.day} < ${split} THEN ${subjectDaily.notesPublished} END), 0)`,
      engagementLast7: sql<number>`coalesce(sum(CASE WHEN ${subjectDaily.day} >= ${split} THEN ${subjectDaily.engagement} END), 0)`,
      engagementPrev7: sql<number>`coalesce(sum(CASE WHEN ${subjectDaily.day} < ${split} THEN ${subjectDaily.engagement} END), 0)`,
    })
    .from(subjectDaily)
    .where(
      and(
        eq(subjectDaily.workspaceId, s.workspaceId),
        eq(subjectDaily.subjectType, s.subjectType),
        eq(subjectDaily.subjectId, s.subjectId),
        gte(subjectDaily.day, from),
        lte(subjectDaily.day, today),
      ),
    );
  const kinds = trendAlertsFor(s.subjectType, w);
  if (!kinds.length) return [];
  const week = bucketOf(today, "week");
  const rows = await db
    .insert(competitorAlerts)
    .values(
      kinds.map((kind) => ({
        id: newId("alr"),
        workspaceId: s.workspaceId,
        kind,
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        dedupeKey: `${kind}:${s.subjectId}:${week}`,
        payload: { ...w, week },
      })),
    )
    .onConflictDoNothing()
    .returning({ id: competitorAlerts.id });
  return rows.map((r) => r.id);
}
