/**
 * "Collect now" for one competitor through the bridge: profile (followers, notes on the profile),
 * then note details for notes we have not seen (their publish time), at most `maxDetails` per run
 * to stay gentle with RED. Every run leaves a per-source status, success or not.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { trackedNotes } from "@/db/schema";
import { getCache } from "@/lib/cache";
import { requireCompetitor } from "@/lib/competitors/competitor-queries";
import { ingestCompetitorData } from "@/lib/competitors/ingest-competitor-data";
import { AppError } from "@/lib/errors/app-error";
import { isRateLimited, recordAttempt } from "@/lib/security/rate-limit";
import type { ImportActor } from "../import/run-import";
import type { NoteInput } from "../ingest/ingest-schemas";
import { recordCollection } from "../collection-status";
import { BridgeError, type BridgeNoteDetail, type DataBridgeClient } from "./data-bridge-client";
import { noteOf, profileSnapshotOf } from "./map-bridge-data";

export type CollectSummary = { followers: number | null; notesSeen: number; notesIngested: number; notesSkipped: number };

/** skipRateLimit: scheduled runs pace themselves; the limit guards people clicking "collect now". */
export async function collectCompetitor(db: Db, ctx: ImportActor, competitorId: string, client: DataBridgeClient, o: { maxDetails?: number; now?: Date; skipRateLimit?: boolean } = {}): Promise<CollectSummary> {
  const competitor = await requireCompetitor(db, ctx.workspaceId, competitorId);
  if (!competitor.xsecToken) throw new AppError("UNPROCESSABLE", { fieldErrors: { xsecToken: ["The bridge needs the competitor's xsec_token (copy it from the profile link)"] } });
  if (!o.skipRateLimit) {
    const cache = getCache();
    if (await isRateLimited(cache, "bridgeCollect", ctx.workspaceId)) throw new AppError("RATE_LIMITED");
    await recordAttempt(cache, "bridgeCollect", ctx.workspaceId);
  }
  const now = o.now ?? new Date();
  const status = { workspaceId: ctx.workspaceId, source: "bridge_profile", subjectKey: competitor.id };
  try {
    const profile = await client.userProfile(competitor.redUserId, competitor.xsecToken);
    const feeds = profile.feeds ?? [];
    const known = feeds.length
      ? await db.select({ noteId: trackedNotes.noteId, publishedAt: trackedNotes.publishedAt }).from(trackedNotes).where(and(eq(trackedNotes.workspaceId, ctx.workspaceId), inArray(trackedNotes.noteId, feeds.map((f) => f.id))))
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
    await ingestCompetitorData(db, ctx, competitor.id, { profiles: [snapshot], notes }, "bridge_profile");
    return { followers: snapshot.followers ?? null, notesSeen: feeds.length, notesIngested: notes.length, notesSkipped: skipped };
  } catch (error) {
    if (!(error instanceof BridgeError)) throw error;
    await recordCollection(db, { ...status, ok: false, error: `${error.code}: ${error.message}` });
    throw new AppError("COLLECTION_FAILED", { detail: error.message, cause: error });
  }
}
