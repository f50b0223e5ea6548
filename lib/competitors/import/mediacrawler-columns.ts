/**
 * MediaCrawler's RED export columns (docs/RED.md), per file kind. A file is recognised by its
 * required columns; extra columns (newer MediaCrawler versions add user_id, avatar, ip_location …)
 * are ignored, so files are accepted as the tool writes them.
 */
export type ExportKind = "notes" | "comments" | "creators";

export const exportColumns: Record<ExportKind, { required: string[]; optional: string[]; target: Record<string, string> }> = {
  notes: {
    required: ["note_id", "title", "time", "liked_count", "collected_count", "comment_count", "share_count"],
    optional: [
      "type",
      "desc",
      "video_url",
      "last_update_time",
      "image_list",
      "tag_list",
      "note_url",
      "source_keyword",
      "xsec_token",
      "nickname",
      "user_id",
    ],
    target: {
      note_id: "noteId",
      type: "type",
      title: "title",
      desc: "body",
      time: "publishedAt",
      last_update_time: "takenAt",
      liked_count: "likes",
      collected_count: "collects",
      comment_count: "comments",
      share_count: "shares",
      image_list: "imagesCount",
      tag_list: "topics",
      note_url: "url",
      source_keyword: "sourceKeyword",
      xsec_token: "xsecToken",
      nickname: "author",
      user_id: "author",
      video_url: "(ignored)",
    },
  },
  comments: {
    required: ["comment_id", "note_id", "content", "create_time"],
    optional: ["sub_comment_count", "parent_comment_id", "like_count"],
    target: {
      comment_id: "commentId",
      create_time: "createdAt",
      note_id: "noteId",
      content: "content",
      sub_comment_count: "subCommentCount",
      parent_comment_id: "parentCommentId",
      like_count: "likes",
    },
  },
  creators: {
    required: ["user_id", "nickname", "fans"],
    optional: ["gender", "avatar", "desc", "ip_location", "follows", "interaction", "tag_list"],
    target: {
      user_id: "redUserId",
      nickname: "name",
      avatar: "avatarUrl",
      desc: "bio",
      follows: "following",
      fans: "followers",
      interaction: "likesAndCollects",
      tag_list: "tags",
      gender: "(ignored)",
      ip_location: "(ignored)",
    },
  },
};

/** The kind whose required columns are all present, or the closest kind with what is missing. */
export function detectKind(header: string[]): { kind: ExportKind } | { kind: null; closest: ExportKind; missing: string[] } {
  const have = new Set(header.map((h) => h.trim()));
  // Closest = most required columns present; with none present, assume a notes export was meant.
  let best: { kind: ExportKind; missing: string[]; matched: number } = { kind: "notes", missing: exportColumns.notes.required, matched: 0 };
  for (const kind of ["notes", "comments", "creators"] as const) {
    const missing = exportColumns[kind].required.filter((c) => !have.has(c));
    if (!missing.length) return { kind };
    const matched = exportColumns[kind].required.length - missing.length;
    if (matched > best.matched) best = { kind, missing, matched };
  }
  return { kind: null, closest: best.kind, missing: best.missing };
}

export function columnMapping(kind: ExportKind, header: string[]): { source: string; target: string }[] {
  const known = exportColumns[kind].target;
  return header.map((h) => ({ source: h, target: known[h.trim()] ?? "(ignored)" }));
}
