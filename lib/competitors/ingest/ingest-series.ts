/**
 * The one write path for time series, used by REST, MediaCrawler import, the bridge collector and
 * the demo seed: appends profile and note snapshots (duplicates by time are ignored, so the same
 * data ingested twice changes nothing), upserts notes with their latest counts, rebuilds the
 * touched days' rollups and raises viral-note alerts. Runs inside the caller's transaction.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitorAlerts, noteSnapshots, profileSnapshots, trackedNotes, type SubjectType } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { zoneOffsetMs } from "@/lib/time/zoned";
import { engagementOf } from "../rules/engagement";
import { viralThreshold, type ViralRule } from "../rules/viral-note";
import type { NoteInput, ProfileSnapshotInput } from "./ingest-schemas";
import { refreshNoteRollups, refreshProfileRollups } from "./refresh-rollups";

export type IngestTarget = {
  workspaceId: string;
  timezone: string;
  subjectType: SubjectType;
  subjectId: string;
  authorName?: string | null;
  settings: { viralRule: ViralRule };
};
/** alertIds: alerts this ingest raised, for the caller to announce once its transaction committed. */
export type IngestResult = {
  snapshotsAdded: number;
  notesCreated: number;
  notesUpdated: number;
  noteSnapshotsAdded: number;
  viralAlerts: number;
  notesRange: { from: number; to: number } | null;
  alertIds: string[];
};

const chunkSize = 200;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, i) => items.slice(i * chunkSize, (i + 1) * chunkSize));
const latestWins = (column: string) =>
  sql.raw(
    `CASE WHEN excluded.last_snapshot_at >= coalesce(tracked_notes.last_snapshot_at, 0) THEN excluded.${column} ELSE tracked_notes.${column} END`,
  );

/**
 * `deferNoteRollups`: a bulk import refreshes each subject's note rollups once at the end
 * (refreshSubjectNoteRollups with the returned notesRange) instead of once per batch.
 */
export async function ingestSeries(
  tx: DbOrTx,
  target: IngestTarget,
  data: { profiles?: ProfileSnapshotInput[]; notes?: NoteInput[] },
  source: string,
  now = new Date(),
  o: { deferNoteRollups?: boolean } = {},
): Promise<IngestResult> {
  const result: IngestResult = {
    snapshotsAdded: 0,
    notesCreated: 0,
    notesUpdated: 0,
    noteSnapshotsAdded: 0,
    viralAlerts: 0,
    notesRange: null,
    alertIds: [],
  };
  const scope = { workspaceId: target.workspaceId, subjectType: target.subjectType, subjectId: target.subjectId };
  const rollup = { ...scope, offsetMs: zoneOffsetMs(now, target.timezone) };
  const profiles = data.profiles ?? [];
  const notes = dedupeNotes(data.notes ?? []);

  for (const part of chunks(profiles)) {
    const added = await tx
      .insert(profileSnapshots)
      .values(
        part.map((p) => ({
          ...scope,
          source,
          takenAt: p.takenAt,
          followers: p.followers ?? null,
          following: p.following ?? null,
          likesAndCollects: p.likesAndCollects ?? null,
          noteCount: p.noteCount ?? null,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: profileSnapshots.id });
    result.snapshotsAdded += added.length;
  }
  if (profiles.length) {
    const times = profiles.map((p) => p.takenAt.getTime());
    await refreshProfileRollups(tx, rollup, Math.min(...times), Math.max(...times));
  }
  if (!notes.length) return result;

  const threshold = await subjectViralThreshold(tx, target);

  for (const part of chunks(notes)) {
    const ids = part.map((n) => n.noteId);
    const existing = await tx
      .select({ noteId: trackedNotes.noteId })
      .from(trackedNotes)
      .where(and(eq(trackedNotes.workspaceId, scope.workspaceId), inArray(trackedNotes.noteId, ids)));
    result.notesUpdated += existing.length;
    result.notesCreated += part.length - existing.length;
    await tx
      .insert(trackedNotes)
      .values(
        part.map((n) => ({
          id: newId("tn"),
          ...scope,
          noteId: n.noteId,
          authorName: target.authorName ?? null,
          title: n.title,
          body: n.body,
          topics: [...new Set(n.topics)],
          type: n.type,
          imagesCount: n.imagesCount,
          url: n.url ?? null,
          xsecToken: n.xsecToken ?? null,
          sourceKeyword: n.sourceKeyword ?? null,
          publishedAt: n.publishedAt,
          likes: n.likes,
          collects: n.collects,
          comments: n.comments,
          shares: n.shares,
          views: n.views ?? null,
          engagement: engagementOf(n),
          lastSnapshotAt: n.takenAt ?? now,
        })),
      )
      .onConflictDoUpdate({
        target: [trackedNotes.workspaceId, trackedNotes.noteId],
        set: {
          title: sql`excluded.title`,
          body: sql`excluded.body`,
          topics: sql`excluded.topics`,
          type: sql`excluded.type`,
          imagesCount: sql`excluded.images_count`,
          url: sql`coalesce(excluded.url, tracked_notes.url)`,
          xsecToken: sql`coalesce(excluded.xsec_token, tracked_notes.xsec_token)`,
          likes: latestWins("likes"),
          collects: latestWins("collects"),
          comments: latestWins("comments"),
          shares: latestWins("shares"),
          views: latestWins("views"),
          engagement: latestWins("engagement"),
          lastSnapshotAt: sql`max(excluded.last_snapshot_at, coalesce(tracked_notes.last_snapshot_at, 0))`,
        },
      });
    const stored = await tx
      .select({
        id: trackedNotes.id,
        noteId: trackedNotes.noteId,
        likes: trackedNotes.likes,
        title: trackedNotes.title,
        subjectId: trackedNotes.subjectId,
      })
      .from(trackedNotes)
      .where(and(eq(trackedNotes.workspaceId, scope.workspaceId), inArray(trackedNotes.noteId, ids)));
    const idOf = new Map(stored.map((s) => [s.noteId, s.id]));
    const added = await tx
      .insert(noteSnapshots)
      .values(
        part.map((n) => ({
          workspaceId: scope.workspaceId,
          trackedNoteId: idOf.get(n.noteId)!,
          likes: n.likes,
          collects: n.collects,
          comments: n.comments,
          shares: n.shares,
          views: n.views ?? null,
          source,
          takenAt: n.takenAt ?? now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: noteSnapshots.id });
    result.noteSnapshotsAdded += added.length;
    if (target.subjectType === "competitor") {
      const raised = await raiseViralAlerts(
        tx,
        target,
        stored.filter((s) => s.likes >= threshold && s.subjectId === target.subjectId),
        threshold,
      );
      result.viralAlerts += raised.length;
      result.alertIds.push(...raised);
    }
  }
  const times = notes.map((n) => n.publishedAt.getTime());
  result.notesRange = { from: Math.min(...times), to: Math.max(...times) };
  if (!o.deferNoteRollups) await refreshNoteRollups(tx, rollup, result.notesRange.from, result.notesRange.to, threshold);
  return result;
}

/** The like threshold for this subject's size (tiers use its latest follower count). */
async function subjectViralThreshold(tx: DbOrTx, target: IngestTarget): Promise<number> {
  const [latest] = await tx
    .select({ followers: profileSnapshots.followers })
    .from(profileSnapshots)
    .where(
      and(
        eq(profileSnapshots.workspaceId, target.workspaceId),
        eq(profileSnapshots.subjectType, target.subjectType),
        eq(profileSnapshots.subjectId, target.subjectId),
      ),
    )
    .orderBy(desc(profileSnapshots.takenAt))
    .limit(1);
  return viralThreshold(target.settings.viralRule, latest?.followers ?? null);
}

export async function refreshSubjectNoteRollups(
  tx: DbOrTx,
  target: IngestTarget,
  range: { from: number; to: number },
  now = new Date(),
): Promise<void> {
  const rollup = {
    workspaceId: target.workspaceId,
    subjectType: target.subjectType,
    subjectId: target.subjectId,
    offsetMs: zoneOffsetMs(now, target.timezone),
  };
  await refreshNoteRollups(tx, rollup, range.from, range.to, await subjectViralThreshold(tx, target));
}

/** Within one batch the same note may appear twice (an export with repeats): keep the latest reading. */
function dedupeNotes(notes: NoteInput[]): NoteInput[] {
  const byId = new Map<string, NoteInput>();
  for (const n of notes) {
    const prev = byId.get(n.noteId);
    if (!prev || (n.takenAt?.getTime() ?? 0) >= (prev.takenAt?.getTime() ?? 0)) byId.set(n.noteId, n);
  }
  return [...byId.values()];
}

async function raiseViralAlerts(
  tx: DbOrTx,
  target: IngestTarget,
  viral: { noteId: string; likes: number; title: string }[],
  threshold: number,
): Promise<string[]> {
  if (!viral.length) return [];
  const rows = await tx
    .insert(competitorAlerts)
    .values(
      viral.map((n) => ({
        id: newId("alr"),
        workspaceId: target.workspaceId,
        kind: "viral_note" as const,
        subjectType: target.subjectType,
        subjectId: target.subjectId,
        dedupeKey: `viral:${n.noteId}`,
        payload: { noteId: n.noteId, title: n.title, likes: n.likes, threshold },
      })),
    )
    .onConflictDoNothing()
    .returning({ id: competitorAlerts.id });
  return rows.map((r) => r.id);
}
