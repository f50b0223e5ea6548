/**
 * The competitor overview: follower and engagement trends per selected subject, KPIs with change
 * vs the previous period, cadence, share of voice, top and viral notes, recent alerts. Reads the
 * daily rollups (never the snapshot series) and is cached per workspace until the next ingest.
 */
import { and, between, desc, eq, gte, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitorAlerts, trackedNotes } from "@/db/schema";
import { cachedAnalytics } from "../cache/analytics-cache";
import { getAnalyticsSettings } from "../settings/analytics-settings";
import { changeRatio } from "../rules/engagement";
import { startOfDayInZone } from "@/lib/time/zoned";
import { addDays, bucketsInRange, daysBetween, hourBucketsInRange, previousPeriod } from "../rules/time-buckets";
import { hourlySeriesRows } from "./hourly-series";
import { isViral } from "../rules/viral-note";
import { periodTotals, seriesRows } from "./period-totals";
import { subjectKey, subjectKeyOf, type DashboardRange } from "./range-params";
import type { SubjectInfo } from "./subject-names";

export type Kpi = { value: number; previous: number; change: number | null };
export type NoteRow = {
  noteId: string;
  subjectKey: string;
  title: string;
  type: string;
  publishedAt: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  engagement: number;
  url: string | null;
};

export type Overview = {
  range: { from: string; to: string; granularity: string; previousFrom: string; previousTo: string; notice?: string };
  selected: string[];
  series: { bucket: string; followers: Record<string, number | null>; engagement: Record<string, number>; notes: Record<string, number> }[];
  kpis: { engagement: Kpi; notes: Kpi; engagementPerNote: Kpi; followerGrowth: Kpi; viralNotes: Kpi };
  shareOfVoice: { key: string; engagement: number; share: number; notes: number }[];
  cadence: { key: string; notesPerWeek: number; previousPerWeek: number }[];
  topNotes: NoteRow[];
  viralNotes: NoteRow[];
  alerts: { id: string; kind: string; subjectKey: string; payload: Record<string, string | number | null>; createdAt: number }[];
  isEmpty: boolean;
};

export const defaultSeriesLimit = 8;

export async function getOverview(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  subjects: SubjectInfo[],
  range: DashboardRange,
): Promise<Overview> {
  const allowed = new Set(subjects.map((s) => s.key));
  const selected = (range.subjects ?? subjects).map(subjectKey).filter((k) => allowed.has(k));
  return cachedAnalytics(ws.workspaceId, "overview", { range, selected }, () =>
    loadOverview(
      db,
      ws,
      subjects.filter((s) => selected.includes(s.key)),
      range,
    ),
  );
}

async function loadOverview(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  chosen: SubjectInfo[],
  range: DashboardRange,
): Promise<Overview> {
  const prev = previousPeriod(range.from, range.to);
  const [totals, settings] = await Promise.all([
    periodTotals(db, ws.workspaceId, chosen, range, prev),
    getAnalyticsSettings(db, ws.workspaceId),
  ]);
  const cur = totals.current;
  const before = totals.previous;
  const sum = (m: typeof cur, f: (t: NonNullable<ReturnType<typeof cur.get>>) => number) => [...m.values()].reduce((s, t) => s + f(t), 0);
  const kpi = (value: number, previous: number): Kpi => ({ value, previous, change: changeRatio(value, previous) });
  const growth = (m: typeof cur) => sum(m, (t) => (t.lastFollowers ?? 0) - (t.firstFollowers ?? t.lastFollowers ?? 0));
  const perNote = (m: typeof cur) => (sum(m, (t) => t.notes) ? sum(m, (t) => t.engagement) / sum(m, (t) => t.notes) : 0);

  // Series: the chosen subjects (or the most engaged few when nothing is chosen explicitly).
  const ranked = [...chosen].sort((a, b) => (cur.get(b.key)?.engagement ?? 0) - (cur.get(a.key)?.engagement ?? 0));
  const seriesKeys = new Set((range.subjects ? chosen : ranked.slice(0, defaultSeriesLimit)).map((s) => s.key));
  const g = range.granularity;
  const buckets = g === "hour" ? hourBucketsInRange(range.from, range.to, ws.timezone) : bucketsInRange(range.from, range.to, g);
  const index = new Map(buckets.map((b, i) => [b, i]));
  const series = buckets.map((bucket) => ({
    bucket,
    followers: {} as Record<string, number | null>,
    engagement: {} as Record<string, number>,
    notes: {} as Record<string, number>,
  }));
  const seriesSubjects = chosen.filter((s) => seriesKeys.has(s.key));

  const totalEngagement = sum(cur, (t) => t.engagement);
  const weeks = Math.max(1, (daysBetween(range.from, range.to) + 1) / 7);
  const shareOfVoice = ranked
    .map((s) => ({
      key: s.key,
      engagement: cur.get(s.key)?.engagement ?? 0,
      notes: cur.get(s.key)?.notes ?? 0,
      share: totalEngagement ? (cur.get(s.key)?.engagement ?? 0) / totalEngagement : 0,
    }))
    .filter((s) => s.engagement > 0 || s.notes > 0);
  const cadence = ranked.map((s) => ({
    key: s.key,
    notesPerWeek: (cur.get(s.key)?.notes ?? 0) / weeks,
    previousPerWeek: (before.get(s.key)?.notes ?? 0) / weeks,
  }));

  const start = startOfDayInZone(range.from, ws.timezone)!;
  const end = startOfDayInZone(addDays(range.to, 1), ws.timezone)!;
  const keyOf = (n: { subjectType: string; subjectId: string }) => subjectKeyOf(n.subjectType, n.subjectId);
  const ids = chosen.map((s) => s.id);
  const noteWhere = and(
    eq(trackedNotes.workspaceId, ws.workspaceId),
    between(trackedNotes.publishedAt, start, new Date(end.getTime() - 1)),
    inArray(trackedNotes.subjectId, ids.length ? ids : [""]),
  );
  const minViral = Math.min(settings.viralRule.minLikes, ...settings.viralRule.tiers.map((t) => t.minLikes));
  const noteCols = {
    noteId: trackedNotes.noteId,
    subjectType: trackedNotes.subjectType,
    subjectId: trackedNotes.subjectId,
    title: trackedNotes.title,
    type: trackedNotes.type,
    publishedAt: trackedNotes.publishedAt,
    likes: trackedNotes.likes,
    collects: trackedNotes.collects,
    comments: trackedNotes.comments,
    shares: trackedNotes.shares,
    engagement: trackedNotes.engagement,
    url: trackedNotes.url,
  };
  const [points, top, viralCandidates, alerts] = await Promise.all([
    g === "hour" ? hourlySeriesRows(db, ws, seriesSubjects, range) : seriesRows(db, ws.workspaceId, seriesSubjects, range, g),
    db.select(noteCols).from(trackedNotes).where(noteWhere).orderBy(desc(trackedNotes.engagement)).limit(10),
    db
      .select(noteCols)
      .from(trackedNotes)
      .where(and(noteWhere, gte(trackedNotes.likes, minViral)))
      .orderBy(desc(trackedNotes.likes))
      .limit(50),
    db
      .select()
      .from(competitorAlerts)
      .where(eq(competitorAlerts.workspaceId, ws.workspaceId))
      .orderBy(desc(competitorAlerts.createdAt))
      .limit(10),
  ]);
  for (const r of points) {
    const point = series[index.get(r.bucket) ?? -1];
    if (!point) continue;
    point.engagement[r.key] = r.engagement;
    point.notes[r.key] = r.notes;
    if (r.followers !== null) point.followers[r.key] = r.followers;
  }
  const toRow = (n: (typeof top)[number]): NoteRow => ({ ...n, subjectKey: keyOf(n), publishedAt: n.publishedAt.getTime() });
  const followersOf = (key: string) => cur.get(key)?.lastFollowers ?? null;

  return {
    range: {
      from: range.from,
      to: range.to,
      granularity: range.granularity,
      previousFrom: prev.from,
      previousTo: prev.to,
      ...(range.notice ? { notice: range.notice } : {}),
    },
    selected: [...seriesKeys],
    series,
    kpis: {
      engagement: kpi(
        totalEngagement,
        sum(before, (t) => t.engagement),
      ),
      notes: kpi(
        sum(cur, (t) => t.notes),
        sum(before, (t) => t.notes),
      ),
      engagementPerNote: kpi(perNote(cur), perNote(before)),
      followerGrowth: kpi(growth(cur), growth(before)),
      viralNotes: kpi(
        sum(cur, (t) => t.viral),
        sum(before, (t) => t.viral),
      ),
    },
    shareOfVoice,
    cadence,
    topNotes: top.map(toRow),
    viralNotes: viralCandidates
      .map(toRow)
      .filter((n) => isViral(n.likes, followersOf(n.subjectKey), settings.viralRule))
      .slice(0, 10),
    alerts: alerts
      .filter((a) => a.subjectType === "competitor" || chosen.some((s) => s.id === a.subjectId))
      .map((a) => ({ id: a.id, kind: a.kind, subjectKey: keyOf(a), payload: a.payload, createdAt: a.createdAt.getTime() })),
    isEmpty: cur.size === 0 && before.size === 0,
  };
}
