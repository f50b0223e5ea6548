/** Reads subject_daily rows for a day range (and optional subjects): the one input of most dashboards. */
import { and, between, eq, inArray, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { subjectDaily } from "@/db/schema";
import { subjectKeyOf, type SubjectRef } from "./range-params";

export type DailyRow = {
  subjectType: "competitor" | "account";
  subjectId: string;
  day: string;
  followers: number | null;
  notesPublished: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  engagement: number;
  viralNotes: number;
};

export async function loadDaily(db: DbOrTx, workspaceId: string, from: string, to: string, subjects: SubjectRef[]): Promise<DailyRow[]> {
  if (!subjects.length) return [];
  const competitorIds = subjects.filter((s) => s.type === "competitor").map((s) => s.id);
  const accountIds = subjects.filter((s) => s.type === "account").map((s) => s.id);
  const who: SQL[] = [];
  if (competitorIds.length) who.push(and(eq(subjectDaily.subjectType, "competitor"), inArray(subjectDaily.subjectId, competitorIds))!);
  if (accountIds.length) who.push(and(eq(subjectDaily.subjectType, "account"), inArray(subjectDaily.subjectId, accountIds))!);
  return db
    .select({
      subjectType: subjectDaily.subjectType,
      subjectId: subjectDaily.subjectId,
      day: subjectDaily.day,
      followers: subjectDaily.followers,
      notesPublished: subjectDaily.notesPublished,
      likes: subjectDaily.likes,
      collects: subjectDaily.collects,
      comments: subjectDaily.comments,
      shares: subjectDaily.shares,
      engagement: subjectDaily.engagement,
      viralNotes: subjectDaily.viralNotes,
    })
    .from(subjectDaily)
    .where(and(eq(subjectDaily.workspaceId, workspaceId), between(subjectDaily.day, from, to), or(...who)))
    .orderBy(subjectDaily.day);
}

export type SubjectTotals = {
  notes: number;
  likes: number;
  collects: number;
  comments: number;
  shares: number;
  engagement: number;
  viral: number;
  firstFollowers: number | null;
  lastFollowers: number | null;
};

/** Sums per subject key over [from, to], with the first and last known follower counts. */
export function totalsBySubject(rows: DailyRow[], from: string, to: string): Map<string, SubjectTotals> {
  const out = new Map<string, SubjectTotals>();
  for (const r of rows) {
    if (r.day < from || r.day > to) continue;
    const key = subjectKeyOf(r.subjectType, r.subjectId);
    const t = out.get(key) ?? {
      notes: 0,
      likes: 0,
      collects: 0,
      comments: 0,
      shares: 0,
      engagement: 0,
      viral: 0,
      firstFollowers: null,
      lastFollowers: null,
    };
    t.notes += r.notesPublished;
    t.likes += r.likes;
    t.collects += r.collects;
    t.comments += r.comments;
    t.shares += r.shares;
    t.engagement += r.engagement;
    t.viral += r.viralNotes;
    if (r.followers !== null) {
      t.firstFollowers ??= r.followers;
      t.lastFollowers = r.followers;
    }
    out.set(key, t);
  }
  return out;
}
