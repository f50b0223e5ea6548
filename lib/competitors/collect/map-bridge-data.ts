/** Bridge payloads -> ingest inputs (pure). Counts arrive as RED strings ("1.7万"); unreadable ones count as unknown. */
import { topicsInText } from "../rules/extract-keywords";
import type { NoteInput, ProfileSnapshotInput } from "../ingest/ingest-schemas";
import { parseCountOrNull } from "../rules/parse-count";
import type { BridgeFeed, BridgeNoteDetail, BridgeProfile } from "./data-bridge-client";

function count(value: string | undefined): number | null {
  try {
    return parseCountOrNull(value);
  } catch {
    return null;
  }
}

export function profileSnapshotOf(profile: BridgeProfile, takenAt: Date): ProfileSnapshotInput {
  const of = (type: string) => count(profile.interactions?.find((i) => i.type === type)?.count);
  return { takenAt, followers: of("fans"), following: of("follows"), likesAndCollects: of("interaction"), noteCount: null };
}

/** A feed card plus its publish time (from the note detail, or from what we already stored). */
export function noteOf(feed: BridgeFeed, publishedAt: Date, detail: BridgeNoteDetail | null, takenAt: Date): NoteInput {
  const info = detail?.interactInfo ?? feed.noteCard.interactInfo ?? {};
  const body = (detail?.desc ?? "").slice(0, 10_000);
  const tags = (detail?.tagList ?? []).map((t) => t.name ?? "").filter(Boolean);
  return {
    noteId: feed.id,
    title: (detail?.title ?? feed.noteCard.displayTitle ?? "").slice(0, 200),
    body,
    topics: [...new Set([...tags, ...topicsInText(body)])].slice(0, 30).map((t) => t.slice(0, 40)),
    type: (detail?.type ?? feed.noteCard.type) === "video" ? "video" : "normal",
    imagesCount: Math.min(detail?.imageList?.length ?? 0, 50),
    publishedAt,
    url: `https://www.xiaohongshu.com/explore/${feed.id}`,
    xsecToken: feed.xsecToken ?? null,
    sourceKeyword: null,
    likes: count(info.likedCount) ?? 0,
    collects: count(info.collectedCount) ?? 0,
    comments: count(info.commentCount) ?? 0,
    shares: count(info.sharedCount) ?? 0,
    views: null,
    takenAt,
  };
}
