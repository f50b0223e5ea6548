/**
 * Aggregates over subject_daily done by SQLite, not in JS: per-subject totals for the current
 * and the previous period (with first/last known followers through indexed lookups), and chart
 * series grouped by day/week/month bucket. A year of 200 competitors stays a few hundred rows.
 */
import { and, between, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { subjectDaily } from "@/db/schema";
import type { DayGranularity } from "../rules/time-buckets";
import type { SubjectTotals } from "./load-daily";
import { subjectKeyOf as keyOf, type SubjectRef } from "./range-params";

type Period = { from: string; to: string };

export function subjectFilter(subjects: SubjectRef[]): SQL {
  const competitorIds = subjects.filter((s) => s.type === "competitor").map((s) => s.id);
  const accountIds = subjects.filter((s) => s.type === "account").map((s) => s.id);
  const who: SQL[] = [];
  if (competitorIds.length) who.push(and(eq(subjectDaily.subjectType, "competitor"), inArray(subjectDaily.subjectId, competitorIds))!);
  if (accountIds.length) who.push(and(eq(subjectDaily.subjectType, "account"), inArray(subjectDaily.subjectId, accountIds))!);
  return who.length ? or(...who)! : sql`0`;
}

function followersAt(p: Period, order: "asc" | "desc") {
  // Outer columns spelled out: drizzle renders single-table columns unqualified, which inside
  // the subquery would bind to x and silently drop the correlation.
  return sql<
    number | null
  >`(SELECT x.followers FROM subject_daily x WHERE x.workspace_id = "subject_daily"."workspace_id" AND x.subject_type = "subject_daily"."subject_type"
    AND x.subject_id = "subject_daily"."subject_id" AND x.day BETWEEN ${p.from} AND ${p.to} AND x.followers IS NOT NULL ORDER BY x.day ${sql.raw(order)} LIMIT 1)`;
}

function sumIn(p: Period, column: AnySQLiteColumn) {
  return sql<number>`coalesce(sum(CASE WHEN ${subjectDaily.day} BETWEEN ${p.from} AND ${p.to} THEN ${column} END), 0)`;
}

export async function periodTotals(
  db: DbOrTx,
  workspaceId: string,
  subjects: SubjectRef[],
  current: Period,
  previous: Period,
): Promise<{ current: Map<string, SubjectTotals>; previous: Map<string, SubjectTotals> }> {
  const out = { current: new Map<string, SubjectTotals>(), previous: new Map<string, SubjectTotals>() };
  if (!subjects.length) return out;
  const cols = (p: Period) => ({
    notes: sumIn(p, subjectDaily.notesPublished),
    likes: sumIn(p, subjectDaily.likes),
    collects: sumIn(p, subjectDaily.collects),
    comments: sumIn(p, subjectDaily.comments),
    shares: sumIn(p, subjectDaily.shares),
    engagement: sumIn(p, subjectDaily.engagement),
    viral: sumIn(p, subjectDaily.viralNotes),
    firstFollowers: followersAt(p, "asc"),
    lastFollowers: followersAt(p, "desc"),
  });
  const c = cols(current);
  const p = cols(previous);
  const rows = await db
    .select({
      subjectType: subjectDaily.subjectType,
      subjectId: subjectDaily.subjectId,
      cNotes: c.notes,
      cLikes: c.likes,
      cCollects: c.collects,
      cComments: c.comments,
      cShares: c.shares,
      cEngagement: c.engagement,
      cViral: c.viral,
      cFirst: c.firstFollowers,
      cLast: c.lastFollowers,
      pNotes: p.notes,
      pLikes: p.likes,
      pCollects: p.collects,
      pComments: p.comments,
      pShares: p.shares,
      pEngagement: p.engagement,
      pViral: p.viral,
      pFirst: p.firstFollowers,
      pLast: p.lastFollowers,
    })
    .from(subjectDaily)
    .where(
      and(
        eq(subjectDaily.workspaceId, workspaceId),
        between(subjectDaily.day, previous.from < current.from ? previous.from : current.from, current.to),
        subjectFilter(subjects),
      ),
    )
    .groupBy(subjectDaily.subjectType, subjectDaily.subjectId);
  for (const r of rows) {
    const key = keyOf(r.subjectType, r.subjectId);
    out.current.set(key, {
      notes: Number(r.cNotes),
      likes: Number(r.cLikes),
      collects: Number(r.cCollects),
      comments: Number(r.cComments),
      shares: Number(r.cShares),
      engagement: Number(r.cEngagement),
      viral: Number(r.cViral),
      firstFollowers: r.cFirst,
      lastFollowers: r.cLast,
    });
    out.previous.set(key, {
      notes: Number(r.pNotes),
      likes: Number(r.pLikes),
      collects: Number(r.pCollects),
      comments: Number(r.pComments),
      shares: Number(r.pShares),
      engagement: Number(r.pEngagement),
      viral: Number(r.pViral),
      firstFollowers: r.pFirst,
      lastFollowers: r.pLast,
    });
  }
  return out;
}

export function bucketSql(granularity: DayGranularity): SQL {
  if (granularity === "day") return sql`${subjectDaily.day}`;
  if (granularity === "month") return sql`substr(${subjectDaily.day}, 1, 7) || '-01'`;
  // The Monday on or before the day: back 6 days, then forward to the next Monday (or stay).
  return sql`date(${subjectDaily.day}, '-6 days', 'weekday 1')`;
}

export type SeriesRow = { key: string; bucket: string; engagement: number; notes: number; followers: number | null };

export async function seriesRows(
  db: DbOrTx,
  workspaceId: string,
  subjects: SubjectRef[],
  period: Period,
  granularity: DayGranularity,
): Promise<SeriesRow[]> {
  if (!subjects.length) return [];
  const bucket = bucketSql(granularity);
  const where = and(eq(subjectDaily.workspaceId, workspaceId), between(subjectDaily.day, period.from, period.to), subjectFilter(subjects));
  const [sums, followers] = await Promise.all([
    db
      .select({
        subjectType: subjectDaily.subjectType,
        subjectId: subjectDaily.subjectId,
        bucket: sql<string>`${bucket}`,
        engagement: sql<number>`sum(${subjectDaily.engagement})`,
        notes: sql<number>`sum(${subjectDaily.notesPublished})`,
      })
      .from(subjectDaily)
      .where(where)
      .groupBy(subjectDaily.subjectType, subjectDaily.subjectId, sql`3`),
    // SQLite: with one max() aggregate, bare columns come from the row holding the max (the bucket's last known followers).
    db
      .select({
        subjectType: subjectDaily.subjectType,
        subjectId: subjectDaily.subjectId,
        bucket: sql<string>`${bucket}`,
        last: sql<string>`max(${subjectDaily.day})`,
        followers: subjectDaily.followers,
      })
      .from(subjectDaily)
      .where(and(where, sql`${subjectDaily.followers} IS NOT NULL`))
      .groupBy(subjectDaily.subjectType, subjectDaily.subjectId, sql`3`),
  ]);
  const byKey = new Map<string, SeriesRow>();
  for (const r of sums)
    byKey.set(`${keyOf(r.subjectType, r.subjectId)}|${r.bucket}`, {
      key: keyOf(r.subjectType, r.subjectId),
      bucket: r.bucket,
      engagement: Number(r.engagement),
      notes: Number(r.notes),
      followers: null,
    });
  for (const r of followers) {
    const id = `${keyOf(r.subjectType, r.subjectId)}|${r.bucket}`;
    const row = byKey.get(id) ?? { key: keyOf(r.subjectType, r.subjectId), bucket: r.bucket, engagement: 0, notes: 0, followers: null };
    row.followers = r.followers;
    byKey.set(id, row);
  }
  return [...byKey.values()];
}
