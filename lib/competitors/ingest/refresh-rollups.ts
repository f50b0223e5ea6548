/**
 * Rebuilds the daily rollups of one subject for the days an ingest touched, set-based in SQL
 * (one statement per table), so a 100,000-row import costs a few statements per subject, not
 * one per row. Local days use the workspace's UTC offset at ingest time.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { SubjectType } from "@/db/schema";

export type RollupTarget = { workspaceId: string; subjectType: SubjectType; subjectId: string; offsetMs: number };

/** Whole local days around the touched range, so every affected day is recomputed from all its rows. */
function wholeDays(fromMs: number, toMs: number, offsetMs: number): { start: number; end: number } {
  const day = 86_400_000;
  return { start: Math.floor((fromMs + offsetMs) / day) * day - offsetMs, end: Math.floor((toMs + offsetMs) / day) * day - offsetMs + day };
}

export async function refreshNoteRollups(tx: DbOrTx, t: RollupTarget, fromMs: number, toMs: number, viralMinLikes: number): Promise<void> {
  const { start, end } = wholeDays(fromMs, toMs, t.offsetMs);
  const dayExpr = sql.raw(`date((published_at + ${Math.trunc(t.offsetMs)}) / 1000, 'unixepoch')`);
  await tx.run(sql`
    INSERT INTO subject_daily (workspace_id, subject_type, subject_id, day, notes_published, likes, collects, comments, shares, views, engagement, viral_notes)
    SELECT workspace_id, subject_type, subject_id, ${dayExpr} AS d, count(*), sum(likes), sum(collects), sum(comments), sum(shares), sum(views), sum(engagement),
           sum(CASE WHEN likes >= ${viralMinLikes} THEN 1 ELSE 0 END)
    FROM tracked_notes
    WHERE workspace_id = ${t.workspaceId} AND subject_type = ${t.subjectType} AND subject_id = ${t.subjectId} AND published_at >= ${start} AND published_at < ${end}
    GROUP BY d
    ON CONFLICT (workspace_id, subject_type, subject_id, day) DO UPDATE SET
      notes_published = excluded.notes_published, likes = excluded.likes, collects = excluded.collects, comments = excluded.comments,
      shares = excluded.shares, views = excluded.views, engagement = excluded.engagement, viral_notes = excluded.viral_notes`);
  await tx.run(sql`
    INSERT INTO topic_daily (workspace_id, subject_type, subject_id, topic, day, notes, engagement)
    SELECT n.workspace_id, n.subject_type, n.subject_id, j.value, ${sql.raw(`date((n.published_at + ${Math.trunc(t.offsetMs)}) / 1000, 'unixepoch')`)} AS d, count(*), sum(n.engagement)
    FROM tracked_notes n, json_each(n.topics) j
    WHERE n.workspace_id = ${t.workspaceId} AND n.subject_type = ${t.subjectType} AND n.subject_id = ${t.subjectId} AND n.published_at >= ${start} AND n.published_at < ${end}
    GROUP BY j.value, d
    ON CONFLICT (workspace_id, subject_type, subject_id, topic, day) DO UPDATE SET notes = excluded.notes, engagement = excluded.engagement`);
}

export async function refreshProfileRollups(tx: DbOrTx, t: RollupTarget, fromMs: number, toMs: number): Promise<void> {
  const off = Math.trunc(t.offsetMs);
  const { start, end } = wholeDays(fromMs, toMs, t.offsetMs);
  await tx.run(sql`
    INSERT INTO subject_daily (workspace_id, subject_type, subject_id, day, followers, following, likes_and_collects, note_count)
    SELECT workspace_id, subject_type, subject_id, d, followers, following, likes_and_collects, note_count FROM (
      SELECT *, ${sql.raw(`date((taken_at + ${off}) / 1000, 'unixepoch')`)} AS d,
             row_number() OVER (PARTITION BY ${sql.raw(`date((taken_at + ${off}) / 1000, 'unixepoch')`)} ORDER BY taken_at DESC) AS rn
      FROM profile_snapshots
      WHERE workspace_id = ${t.workspaceId} AND subject_type = ${t.subjectType} AND subject_id = ${t.subjectId}
        AND taken_at >= ${start} AND taken_at < ${end}
    ) WHERE rn = 1
    ON CONFLICT (workspace_id, subject_type, subject_id, day) DO UPDATE SET
      followers = excluded.followers, following = excluded.following, likes_and_collects = excluded.likes_and_collects, note_count = excluded.note_count`);
}
