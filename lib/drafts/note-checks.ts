/**
 * Every rule a note is checked against before it may go out, as errors (block scheduling) or
 * warnings (need an explicit tick). The UI translates `code` with `params`.
 */
import type { NoteSettings } from "./note-settings";
import { bodyLength, redTitleWidth } from "./text-length";

export type CheckSeverity = "error" | "warning";
export type CheckCode =
  | "title_missing"
  | "title_too_wide"
  | "body_missing"
  | "body_too_long"
  | "no_image"
  | "too_many_images"
  | "too_many_topics"
  | "no_topics"
  | "banned_words"
  | "no_account";
export type NoteCheck = { code: CheckCode; severity: CheckSeverity; params: Record<string, string | number> };

export type CheckInput = { title: string; body: string; topics: string[]; imageCount: number; accountCount: number };

export function findBannedWords(texts: string[], banned: string[]): string[] {
  const haystack = texts.join("\n").toLowerCase();
  return banned.filter((word, i) => word && banned.indexOf(word) === i && haystack.includes(word.toLowerCase()));
}

export function checkNote(note: CheckInput, settings: NoteSettings): NoteCheck[] {
  const checks: NoteCheck[] = [];
  const add = (code: CheckCode, severity: CheckSeverity, params: NoteCheck["params"] = {}) => checks.push({ code, severity, params });

  const width = redTitleWidth(note.title);
  if (note.title.trim() === "") add("title_missing", "error");
  else if (width > settings.titleLimit) add("title_too_wide", "error", { width, limit: settings.titleLimit });

  const length = bodyLength(note.body);
  if (note.body.trim() === "") add("body_missing", "error");
  else if (length > settings.bodyLimit) add("body_too_long", "error", { length, limit: settings.bodyLimit });

  if (note.imageCount === 0) add("no_image", "error");
  else if (note.imageCount > settings.maxImages) add("too_many_images", "error", { count: note.imageCount, limit: settings.maxImages });

  if (note.topics.length > settings.maxTopics) add("too_many_topics", "error", { count: note.topics.length, limit: settings.maxTopics });
  else if (note.topics.length === 0) add("no_topics", "warning");

  const banned = findBannedWords([note.title, note.body, ...note.topics], settings.bannedWords);
  if (banned.length) add("banned_words", "error", { words: banned.join("、") });

  if (note.accountCount === 0) add("no_account", "warning");
  return checks;
}

export function hasBlockingErrors(checks: NoteCheck[]): boolean {
  return checks.some((c) => c.severity === "error");
}
