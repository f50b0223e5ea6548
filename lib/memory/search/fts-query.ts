/**
 * Turns user text into a safe FTS5 MATCH expression over memories_fts: the text's search terms
 * (lib/text/search-terms.ts, the same analysis the memories got), each double-quoted so FTS
 * syntax in the input ("AND", "NEAR(", "*", quotes, colons) is only ever text, OR-ed so bm25
 * rewards memories that match more of them, and rarer ones more.
 */
import { searchTerms } from "@/lib/text/search-terms";

const maxTerms = 64;

export function ftsTerms(text: string): string[] {
  return [...new Set(searchTerms(text))].slice(0, maxTerms);
}

/** The MATCH expression for terms (ftsTerms); null when there are none (then only vectors answer). */
export function toFtsMatch(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" OR ");
}
