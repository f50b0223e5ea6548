/**
 * The competitor report for a date range: one row per subject (own accounts and competitors)
 * with growth, cadence, engagement and CES, plus the top notes. Rendered as CSV (formula cells
 * neutralised by lib/csv) and as a printable page.
 */
import type { DbOrTx } from "@/db/client";
import { toCsv } from "@/lib/csv/to-csv";
import { getComparison, type ComparisonRow } from "../queries/comparison";
import { getOverview, type NoteRow } from "../queries/overview";
import type { DashboardRange } from "../queries/range-params";
import type { SubjectInfo } from "../queries/subject-names";

export type CompetitorReport = {
  from: string;
  to: string;
  rows: (ComparisonRow & { name: string })[];
  topNotes: (NoteRow & { author: string })[];
  viralNotes: (NoteRow & { author: string })[];
};

export async function buildCompetitorReport(
  db: DbOrTx,
  ws: { workspaceId: string; timezone: string },
  subjects: SubjectInfo[],
  range: DashboardRange,
): Promise<CompetitorReport> {
  const names = new Map(subjects.map((s) => [s.key, s.name]));
  const [rows, overview] = await Promise.all([getComparison(db, ws, subjects, range), getOverview(db, ws, subjects, range)]);
  const named = <T extends { subjectKey: string }>(n: T) => ({ ...n, author: names.get(n.subjectKey) ?? "" });
  return {
    from: range.from,
    to: range.to,
    rows: rows.map((r) => ({ ...r, name: names.get(r.key) ?? r.key })),
    topNotes: overview.topNotes.map(named),
    viralNotes: overview.viralNotes.map(named),
  };
}

const round = (v: number | null, digits = 2) => (v === null ? "" : Math.round(v * 10 ** digits) / 10 ** digits);

export function competitorReportCsv(report: CompetitorReport, timezone: string): string {
  const header = [
    "name",
    "type",
    "followers",
    "follower_growth_rate",
    "notes",
    "notes_per_week",
    "engagement",
    "engagement_per_note",
    "engagement_per_1000_followers",
    "engagement_rate",
    "ces_industry_estimate",
  ];
  const local = (ms: number) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: timezone, dateStyle: "short", timeStyle: "short" }).format(new Date(ms));
  const rows: unknown[][] = report.rows.map((r) => [
    r.name,
    r.type === "account" ? "own" : "competitor",
    r.followers ?? "",
    round(r.followerGrowthRate, 4),
    r.notes,
    round(r.notesPerWeek),
    r.engagement,
    round(r.engagementPerNote),
    round(r.perThousandFollowers),
    round(r.engagementRate, 5),
    r.ces,
  ]);
  rows.push(
    [],
    [`top notes ${report.from} – ${report.to}`],
    ["title", "author", "published", "likes", "collects", "comments", "shares", "engagement", "url"],
  );
  for (const n of report.topNotes)
    rows.push([n.title, n.author, local(n.publishedAt), n.likes, n.collects, n.comments, n.shares, n.engagement, n.url ?? ""]);
  return toCsv(header, rows);
}
