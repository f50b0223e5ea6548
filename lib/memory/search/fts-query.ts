/**
 * Turns user text into a safe FTS5 MATCH expression. Every term is double-quoted, so FTS syntax in
 * the input ("AND", "OR", "NEAR(", "*", "^", quotes, colons) is only ever text. The trigram
 * tokenizer matches substrings of 3+ characters, so Latin words of 3+ letters become quoted terms
 * and Chinese runs (no spaces between words) become their overlapping 3-character windows. The
 * terms are OR-ed: bm25 then rewards memories that match more of them.
 */
const cjkRun = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const latinWord = /[\p{L}\p{N}]+/gu;
const maxTerms = 48;

export function ftsTerms(text: string): string[] {
  const normalized = text.normalize("NFKC").toLowerCase();
  const terms: string[] = [];
  for (const run of normalized.match(cjkRun) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 3 <= chars.length; i++) terms.push(chars.slice(i, i + 3).join(""));
  }
  for (const word of normalized.replace(cjkRun, " ").match(latinWord) ?? []) {
    if ([...word].length >= 3) terms.push(word);
  }
  return [...new Set(terms)].slice(0, maxTerms);
}

/** null when nothing in the text is searchable by keyword (then only vectors answer). */
export function toFtsMatch(text: string): string | null {
  const terms = ftsTerms(text);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ");
}
