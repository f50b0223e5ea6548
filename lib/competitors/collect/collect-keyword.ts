/**
 * Keyword search through the bridge: notes by tracked competitors found for a keyword are
 * ingested (publish time from the note detail); notes by anyone else are not stored.
 */
import type { Db } from "@/db/client";
import { listCompetitors } from "../queries/competitor-queries";
import { ingestCompetitorData } from "../ingest/ingest-competitor-data";
import { AppError } from "@/lib/errors/app-error";
import type { IngestActor } from "../ingest/ingest-subject-data";
import type { NoteInput } from "../ingest/ingest-schemas";
import { recordCollection } from "../ingest/collection-status";
import { BridgeError, type DataBridgeClient } from "./data-bridge-client";
import { noteOf } from "./map-bridge-data";

export async function collectKeyword(
  db: Db,
  ctx: IngestActor,
  keyword: string,
  client: DataBridgeClient,
  o: { maxDetails?: number; now?: Date } = {},
) {
  const now = o.now ?? new Date();
  const status = { workspaceId: ctx.workspaceId, source: "bridge_search", subjectKey: `keyword:${keyword.slice(0, 60)}` };
  try {
    const feeds = await client.searchFeeds(keyword);
    const byRedId = new Map((await listCompetitors(db, ctx.workspaceId)).map((c) => [c.redUserId, c]));
    const perCompetitor = new Map<string, NoteInput[]>();
    let details = 0;
    for (const feed of feeds) {
      const competitor = byRedId.get(feed.noteCard.user?.userId ?? "");
      if (!competitor || !feed.xsecToken || details >= (o.maxDetails ?? 20)) continue;
      details += 1;
      const detail = await client.feedDetail(feed.id, feed.xsecToken).catch(() => null);
      if (!detail?.time || detail.time > now.getTime()) continue;
      const list = perCompetitor.get(competitor.id) ?? [];
      list.push({ ...noteOf(feed, new Date(detail.time), detail, now), sourceKeyword: keyword.slice(0, 100) });
      perCompetitor.set(competitor.id, list);
    }
    for (const [competitorId, notes] of perCompetitor) await ingestCompetitorData(db, ctx, competitorId, { notes }, "bridge_search");
    const ingested = [...perCompetitor.values()].reduce((s, n) => s + n.length, 0);
    await recordCollection(db, { ...status, ok: true, items: ingested });
    return { feeds: feeds.length, ingested };
  } catch (error) {
    if (!(error instanceof BridgeError)) throw error;
    await recordCollection(db, { ...status, ok: false, error: `${error.code}: ${error.message}` });
    throw new AppError(error.code === "REFUSED_ADDRESS" ? "OUTBOUND_ADDRESS_REFUSED" : "COLLECTION_FAILED", {
      detail: error.message,
      cause: error,
    });
  }
}
