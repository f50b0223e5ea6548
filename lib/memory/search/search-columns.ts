/**
 * What memories_fts indexes for a memory: its content's search terms and, in a second lighter
 * column, those of its tags and category (lib/text/search-terms.ts). Every write of content or tags
 * sets them; `memoryIndexVersion` names the analysis, and rows made by an older one are re-indexed
 * at start-up (reindex-memories.ts).
 */
import { searchTerms } from "@/lib/text/search-terms";

/** 1: stemmed English without stop words, jieba words and character pairs (hashing-v2 vectors). */
export const memoryIndexVersion = 1;

export function searchColumns(m: { content: string; tags: readonly string[]; category?: string | null }) {
  return {
    searchTerms: searchTerms(m.content).join(" "),
    searchTags: searchTerms([m.category ?? "", ...m.tags].join(" ")).join(" "),
    indexVersion: memoryIndexVersion,
  };
}
