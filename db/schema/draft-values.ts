/**
 * Values and shapes the draft tables store, owned here so the schema imports nothing from lib/
 * (lib/drafts re-exports them). Imports nothing, so client components may use it too.
 */
/** The draft workflow's statuses, in order. */
export const draftStatuses = ["draft", "in_review", "changes_requested", "approved", "scheduled", "published"] as const;
export type DraftStatus = (typeof draftStatuses)[number];

/** The editor's document as stored: Tiptap/ProseMirror JSON (only the parts the product reads). */
export type DocMark = { type: string; attrs?: Record<string, unknown> };
export type DocNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: DocMark[];
  content?: DocNode[];
};
export type DraftDoc = DocNode & { type: "doc" };

/** An image of a draft: our media URL or an absolute http(s) URL, with its alt text. */
export type DraftImage = { url: string; alt: string };

/** How list items are written when a note is turned into RED text. */
export const bulletStyles = ["emoji", "symbol", "dash"] as const;
export type BulletStyle = (typeof bulletStyles)[number];
