/**
 * Marks every case-insensitive occurrence of the search terms with \u0001…\u0002 and, for long
 * text, cuts a window around the first match. Plain text in, plain text out: the UI turns the
 * markers into <mark> elements, so nothing from a note is ever parsed as HTML.
 */
export const markOpen = "\u0001";
export const markClose = "\u0002";

export function markMatches(text: string, terms: string[], window: number): string {
  const clean = text.replace(/[\u0001\u0002]/g, "");
  const lower = clean.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  let start = 0;
  let end = clean.length;
  if (clean.length > window) {
    start = Math.max(0, (merged[0]?.[0] ?? 0) - Math.floor(window / 4));
    end = Math.min(clean.length, start + window);
  }
  let out = start > 0 ? "…" : "";
  let at = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    out += clean.slice(at, Math.max(at, a)) + markOpen + clean.slice(Math.max(a, at), Math.min(b, end)) + markClose;
    at = Math.min(b, end);
  }
  out += clean.slice(at, end) + (end < clean.length ? "…" : "");
  return out;
}

/** Splits marked text into plain and highlighted parts, for rendering. */
export function splitMarked(marked: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const chunk of marked.split(markOpen)) {
    const [hit, rest] = chunk.includes(markClose) ? chunk.split(markClose) : [null, chunk];
    if (hit !== null && hit !== "") parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}
