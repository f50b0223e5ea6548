/**
 * Keyword frequency for Chinese text with a real segmenter (jieba, via @node-rs/jieba). Topic
 * markup (#话题[话题]#), punctuation, numbers, single characters and stop words are dropped.
 */
import { cutWords } from "@/lib/text/jieba";
import { stopWords } from "./stop-words";

const topicMarkup = /#([^#[\]\s]+)(\[话题\])?#/g;
const meaningful = /[\p{Script=Han}A-Za-z]/u;

/** Meaningful words of one text, in order (duplicates kept). */
export function segmentWords(text: string): string[] {
  const plain = text.replace(topicMarkup, " $1 ").replace(/https?:\/\/\S+/g, " ");
  return cutWords(plain)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length >= 2 && meaningful.test(w) && !/^\d/.test(w) && !stopWords.has(w));
}

export type KeywordCount = { keyword: string; count: number; documents: number };

/** Frequency over many texts: total occurrences and number of texts containing the word. */
export function extractKeywords(texts: string[], limit = 50): KeywordCount[] {
  const counts = new Map<string, KeywordCount>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const word of segmentWords(text)) {
      const entry = counts.get(word) ?? { keyword: word, count: 0, documents: 0 };
      entry.count += 1;
      if (!seen.has(word)) entry.documents += 1;
      seen.add(word);
      counts.set(word, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || b.documents - a.documents || a.keyword.localeCompare(b.keyword))
    .slice(0, limit);
}

/** Topics stored in RED note text as `#topic[话题]#`. */
export function topicsInText(text: string): string[] {
  return [...new Set([...text.matchAll(topicMarkup)].map((m) => m[1]))];
}
