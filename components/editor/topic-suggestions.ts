/** Finds the `#partial` being typed before the caret (ranking: lib/drafts/topic-suggestions.ts). */
import type { Editor } from "@tiptap/react";

export type TopicQuery = { query: string; from: number; to: number };

export function topicQueryAt(editor: Editor): TopicQuery | null {
  const { $from, empty } = editor.state.selection;
  if (!empty || !$from.parent.isTextblock) return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, "\n", "\ufffc");
  const match = /(?:^|[^A-Za-z0-9_/&#])#([\p{L}\p{N}_·-]{0,30})$/u.exec(before);
  if (!match) return null;
  const query = match[1];
  return { query, from: $from.pos - query.length - 1, to: $from.pos };
}
