/**
 * The built-in embedder: deterministic signed feature hashing, no model, works offline.
 * Features: CJK character unigrams and bigrams (Chinese has no spaces, and two characters are the
 * typical word), Latin/digit words plus their character trigrams (so a typo still shares most
 * features with the right word). Each feature adds ±weight at hash(feature) mod dim; the sign comes
 * from a second hash so collisions cancel on average instead of piling up. L2-normalised, so the
 * dot product is the cosine similarity.
 */
import type { Embedder } from "./embedder";

const cjkRun = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const latinWord = /[\p{L}\p{N}]+/gu;

const weights = { cjkUni: 0.6, cjkBi: 1.0, word: 1.0, trigram: 0.45 } as const;

/** FNV-1a, 32-bit, with a seed so two independent hashes come from one function. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function textFeatures(text: string): [string, number][] {
  const normalized = text.normalize("NFKC").toLowerCase();
  const out: [string, number][] = [];
  for (const run of normalized.match(cjkRun) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => {
      out.push([`u:${c}`, weights.cjkUni]);
      if (i + 1 < chars.length) out.push([`b:${c}${chars[i + 1]}`, weights.cjkBi]);
    });
  }
  const latin = normalized.replace(cjkRun, " ");
  for (const word of latin.match(latinWord) ?? []) {
    out.push([`w:${word}`, weights.word]);
    const padded = `#${word}#`;
    for (let i = 0; i + 3 <= padded.length; i++) out.push([`t:${padded.slice(i, i + 3)}`, weights.trigram]);
  }
  if (out.length === 0) {
    // Punctuation or emoji only: still give the text a stable, non-zero direction.
    for (const c of normalized.replace(/\s+/g, "")) out.push([`c:${c}`, 1]);
  }
  return out;
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
    id: `hashing-v1-${dim}`,
    dim,
    embed: async (texts) => texts.map((t) => hashingVector(t, dim)),
  };
}
