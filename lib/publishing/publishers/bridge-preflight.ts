/**
 * What the bridge would refuse or silently change, checked before anything is sent, with the
 * bridge's own rules (xiaohongshu-mcp, commit 6fb866a7):
 * - title: `CalcTitleLength` > 20 is refused (service.go; lib/drafts/text-length.ts);
 * - topics: only the first 10 are typed, leading `#`s trimmed (xiaohongshu/publish.go);
 * - images: at least one (binding `min=1`), each an `http(s)://` URL (downloaded) or an absolute
 *   path on the bridge's machine; anything else is skipped without a word when uploading.
 */
import { bridgeTitleLimit, redTitleWidth } from "@/lib/drafts/text-length";
import { mediaIdOf } from "@/lib/media/media-urls";
import type { PublishFailureCode } from "../publish-failures";
import type { PublishNote } from "./types";

export const bridgeMaxTags = 10;

/** Topics as the bridge types them: leading `#`s trimmed, empty ones dropped. */
export function bridgeTags(tags: string[] | undefined): string[] {
  return (tags ?? []).map((tag) => tag.trim().replace(/^#+/, "").trim()).filter(Boolean);
}

/** Our media route's own path needs a session: the bridge would take it for a missing local file. */
const fetchable = (image: string) => /^https?:\/\/[^/\s]+/i.test(image) || (image.startsWith("/") && !mediaIdOf(image));

/** The first problem that would make the bridge refuse or alter the note, or null. */
export function bridgePreflight(note: PublishNote): { code: PublishFailureCode; reason: string } | null {
  const width = redTitleWidth(note.title);
  if (width > bridgeTitleLimit)
    return { code: "BRIDGE_TITLE_TOO_WIDE", reason: `title width ${width} > ${bridgeTitleLimit} (the bridge's CalcTitleLength); not sent` };
  const tags = bridgeTags(note.tags);
  if (tags.length > bridgeMaxTags)
    return { code: "BRIDGE_TOO_MANY_TAGS", reason: `${tags.length} topics > ${bridgeMaxTags}: the bridge would drop the rest; not sent` };
  if (note.kind === "image") {
    const images = note.images ?? [];
    if (images.length === 0) return { code: "BRIDGE_NO_IMAGE", reason: "an image note needs at least one image; not sent" };
    const bad = images.find((image) => !fetchable(image));
    if (bad)
      return {
        code: "BRIDGE_NO_IMAGE",
        reason: `the bridge cannot fetch ${bad.slice(0, 120)} (neither an http(s) URL nor an absolute path) and would skip it; not sent`,
      };
  }
  return null;
}
