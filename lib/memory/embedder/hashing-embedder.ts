/**
 * The built-in embedder: deterministic signed feature hashing, no model, works offline.
 *
 * Features come from the same analysis as the keyword index (lib/text/search-terms.ts): stemmed
 * English words without stop words, jieba words and character pairs for Chinese, each weighted
 * 1 + ln(count) (Chinese terms include single characters, so a wrong character in a pair still
 * leaves its neighbour). A weaker feature makes English forgiving where exact terms are not: the
 * character trigrams of each term (a typo still shares most of them). Each feature adds ±weight at
 * hash(feature) mod dim, the sign from a second hash so collisions cancel on average.
 * L2-normalised, so the dot product is the cosine similarity.
 *
 * Measured on REALTALK (npm run eval:memory): weighting query features by the corpus's IDF, or
 * document features too, changed recall@10 of the fused ranking by less than 0.005, so the
 * vectors stay corpus-independent: a memory's vector never goes stale when others are added.
 */
import { searchTerms } from "@/lib/text/search-terms";
import type { Embedder } from "./embedder";

const latinTerm = /^[a-z]+$/;
const weights = { term: 1, trigram: 0.3 } as const;

/** FNV-1a, 32-bit, with a seed so two independent hashes come from one function. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function textFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of searchTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  for (const [term, count] of counts) {
    const weight = weights.term * (1 + Math.log(count));
    add(`w:${term}`, weight);
    if (latinTerm.test(term)) {
      const padded = `#${term}#`;
      for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, weights.trigram * weight);
    }
  }
  if (features.size === 0) {
    // Stop words, punctuation or emoji only: still give the text a stable, non-zero direction.
    for (const c of text.normalize("NFKC").toLowerCase().replace(/\s+/g, "")) add(`c:${c}`, 1);
  }
  return features;
}

export function hashingVector(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const [feature, weight] of textFeatures(text)) {
    const slot = fnv1a(feature) % dim;
    const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
    v[slot] += sign * weight;
  }
  const norm = Math.hypot(...v);
  if (norm === 0) {
    v[0] = 1; // blank text: a fixed unit vector, never NaN in a cosine
    return v;
  }
  return v.map((x) => x / norm);
}

export function createHashingEmbedder(dim = 384): Embedder {
  return {
    id: `hashing-v2-${dim}`,
    dim,
    embed: async (texts) => texts.map((t) => hashingVector(t, dim)),
  };
}
