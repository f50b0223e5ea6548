/**
 * One subject's profile through a bridge (competitor or own account): the profile (followers,
 * the notes on it), then note details for notes we have not seen (their publish time), at most
 * `maxDetails` per run to stay gentle with RED. Every run leaves a per-source status.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { ingestSubjectData, type IngestActor } from "../ingest/ingest-subject-data";
import { AppError } from "@/lib/errors/app-error";
import type { NoteInput } from "../ingest/ingest-schemas";
import type { SubjectRef } from "../queries/range-params";
import { recordCollection } from "../ingest/collection-status";
import { BridgeError, type BridgeNoteDetail, type BridgeProfile, type DataBridgeClient } from "./data-bridge-client";
import { noteOf, profileSnapshotOf } from "./map-bridge-data";

export type CollectSummary = { followers: number | null; notesSeen: number; notesIngested: number; notesSkipped: number };
export type CollectOptions = { maxDetails?: number; now?: Date };

export async function collectProfile(
  db: Db,
  ctx: IngestActor,
  subject: SubjectRef,
  source: string,
  client: DataBridgeClient,
  readProfile: () => Promise<BridgeProfile>,
  o: CollectOptions = {},
): Promise<CollectSummary> {
  const now = o.now ?? new Date();
  try {
    const profile = await readProfile();
    const feeds = profile.feeds ?? [];
    const known = feeds.length
      ? await db
          .select({ noteId: trackedNotes.noteId, publishedAt: trackedNotes.publishedAt })
          .from(trackedNotes)
          .where(
            and(
              eq(trackedNotes.workspaceId, ctx.workspaceId),
              inArray(
                trackedNotes.noteId,
                feeds.map((f) => f.id),
              ),
            ),
          )
      : [];
    const publishedOf = new Map(known.map((k) => [k.noteId, k.publishedAt]));
    const notes: NoteInput[] = [];
    let details = 0;
    let skipped = 0;
    for (const feed of feeds) {
      let detail: BridgeNoteDetail | null = null;
      let publishedAt = publishedOf.get(feed.id);
      if (!publishedAt && details < (o.maxDetails ?? 10) && feed.xsecToken) {
        details += 1;
        detail = await client.feedDetail(feed.id, feed.xsecToken).catch(() => null);
        if (detail?.time) publishedAt = new Date(detail.time);
      }
      if (!publishedAt || publishedAt.getTime() > now.getTime()) {
        skipped += 1;
        continue;
      }
      notes.push(noteOf(feed, publishedAt, detail, now));
    }
    const snapshot = profileSnapshotOf(profile, now);
    await ingestSubjectData(db, ctx, subject, { profiles: [snapshot], notes }, source);
    return { followers: snapshot.followers ?? null, notesSeen: feeds.length, notesIngested: notes.length, notesSkipped: skipped };
  } catch (error) {
    if (!(error instanceof BridgeError)) throw error;
    await recordCollection(db, {
      workspaceId: ctx.workspaceId,
      source,
      subjectKey: subject.id,
      ok: false,
      error: `${error.code}: ${error.message}`,
    });
    throw new AppError(error.code === "REFUSED_ADDRESS" ? "OUTBOUND_ADDRESS_REFUSED" : "COLLECTION_FAILED", {
      detail: error.message,
      cause: error,
    });
  }
}
