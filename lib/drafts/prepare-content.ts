/**
 * Turns what an editor sent (title + document) into what is stored: a sanitized document, the
 * plain text the publisher will send, and the topics. Refuses content no note could ever use.
 */
import { AppError } from "@/lib/errors/app-error";
import type { DraftDoc } from "./doc-types";
import type { NoteSettings } from "./note-settings";
import { renderPlainText } from "./render-plain-text";
import { sanitizeDoc } from "./sanitize-doc";

/** Far above any RED limit; below it nothing is refused, so a long paste is kept to be trimmed. */
export const maxStoredChars = 50_000;

export type PreparedContent = { title: string; doc: DraftDoc; plainText: string; topics: string[] };

export function cleanTitle(title: string): string {
  // Titles are one line of plain text: control characters and line breaks have no place there.
  return title.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

export function prepareContent(title: string, doc: DraftDoc, settings: Pick<NoteSettings, "bulletStyle">): PreparedContent {
  const safeDoc = sanitizeDoc(doc);
  const { body, topics } = renderPlainText(safeDoc, settings);
  if (body.length > maxStoredChars || JSON.stringify(safeDoc).length > maxStoredChars * 4) throw new AppError("CONTENT_TOO_LARGE");
  return { title: cleanTitle(title), doc: safeDoc, plainText: body, topics };
}
