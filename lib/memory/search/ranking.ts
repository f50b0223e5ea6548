/**
 * The one place the hybrid ranking lives. For a candidate memory:
 *
 *   relevance = fusion.keyword · keyword + fusion.vector · vector
 *   score     = 0.80 · relevance + 0.10 · importance + 0.05 · recency + 0.05 · access
 *
 *   keyword    BM25 (bm25.ts) relative to a full match (every query term once in a memory of
 *              average length), as 1 − e^(−2·relative): 0.86 for a full match, rising towards 1
 *              with repeats; a memory no query term matched = 0
 *   vector     cosine similarity of query and memory embeddings, clamped to [0, 1]
 *   importance the memory's importance, 0..1
 *   recency    0.5 ^ (days since last used or created / 30): a 30-day half-life
 *   access     log(1 + accesses) / log(1 + 50), capped at 1: use counts, with diminishing returns
 *
 * The fusion depends on what made the vectors. The built-in hashing embedder reads the same terms
 * as the keyword index, so its cosine mostly repeats bm25; it keeps a small say (near-ties, typo
 * and partial-word matches no term caught): keyword 0.9, vector 0.1. Through the REST API
 * (`npm run eval:memory`), 0.2 instead of 0.1 cost the dialogue slices 0.03 recall@10 in the CI
 * floor's workspace and REALTALK 0.003; 0 changed nothing measurable. A provider's model embeds
 * meaning the words do not share, so it gets an equal say: 0.5 / 0.5, the usual starting point for
 * BM25 + dense fusion; it has not been tuned against a real model here (the machine that measured
 * this has no model), so it is the documented default, not a measured optimum.
 *
 * The weights sum to 1, so scores are in [0, 1] and a min-score threshold means the same thing
 * for every query. "vector" and "keyword" modes rank by that single signal (for evaluation).
 * Relevance gate (hybrid mode): a candidate must match the keyword query or have vector
 * similarity >= fusion.minVector, so importance and recency reorder relevant memories but never
 * surface irrelevant ones. Hashed vectors of short unrelated texts reach 0.1-0.2 by collisions
 * alone, so the built-in gate is 0.3 (a typo of a memory's words stays above 0.4); a model's
 * similarities have their own scale, and 0.1 only drops the clearly unrelated.
 */
export const rankingWeights = { relevance: 0.8, importance: 0.1, recency: 0.05, access: 0.05 } as const;
/** `minVector`: the relevance gate's similarity for a memory no query term matched. */
export type Fusion = { keyword: number; vector: number; minVector: number };
export const builtinFusion: Fusion = { keyword: 0.9, vector: 0.1, minVector: 0.3 };
export const providerFusion: Fusion = { keyword: 0.5, vector: 0.5, minVector: 0.1 };
export const fusionFor = (spec: { provider: string }): Fusion => (spec.provider === "builtin" ? builtinFusion : providerFusion);
export const recencyHalfLifeDays = 30;
export const accessSaturation = 50;

export type RankingMode = "hybrid" | "vector" | "keyword";

export type Candidate = {
  seq: number;
  /** Cosine distance from libSQL (0 = same direction, 2 = opposite). */
  distance: number;
  /** BM25 score relative to a full match (candidates.ts; higher is better), null when the keyword query did not match. */
  keywordScore: number | null;
  importance: number;
  accessCount: number;
  lastUsedAt: number;
};

export type ScoreParts = { vector: number; keyword: number; importance: number; recency: number; access: number };
export type Scored = { seq: number; score: number; parts: ScoreParts };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function recencyScore(lastUsedAt: number, now: number): number {
  const days = Math.max(0, now - lastUsedAt) / 86_400_000;
  return 0.5 ** (days / recencyHalfLifeDays);
}

/** BM25 relative to a full match (0..∞) into [0, 1) without ties: 0.5 -> 0.63, 1 -> 0.86, 2 -> 0.98. */
export function keywordRelevance(relativeScore: number): number {
  return Number.isFinite(relativeScore) && relativeScore > 0 ? 1 - Math.exp(-2 * relativeScore) : 0;
}

export function accessScore(accessCount: number): number {
  return clamp01(Math.log1p(accessCount) / Math.log1p(accessSaturation));
}

/** `alwaysKeep`: seqs exempt from the relevance gate (the brand voice in context retrieval). */
export function rankCandidates(
  candidates: Candidate[],
  mode: RankingMode,
  options: { now?: number; fusion?: Fusion; alwaysKeep?: ReadonlySet<number> } = {},
): Scored[] {
  const { now = Date.now(), fusion = builtinFusion, alwaysKeep = new Set<number>() } = options;
  const scored = candidates.map((c) => {
    const parts: ScoreParts = {
      vector: clamp01(1 - c.distance),
      keyword: c.keywordScore === null ? 0 : keywordRelevance(c.keywordScore),
      importance: clamp01(c.importance),
      recency: recencyScore(c.lastUsedAt, now),
      access: accessScore(c.accessCount),
    };
    const relevance = fusion.keyword * parts.keyword + fusion.vector * parts.vector;
    const score =
      mode === "vector"
        ? parts.vector
        : mode === "keyword"
          ? parts.keyword
          : rankingWeights.relevance * relevance +
            rankingWeights.importance * parts.importance +
            rankingWeights.recency * parts.recency +
            rankingWeights.access * parts.access;
    return { seq: c.seq, score, parts };
  });
  const gated =
    mode === "hybrid" ? scored.filter((s) => alwaysKeep.has(s.seq) || s.parts.keyword > 0 || s.parts.vector >= fusion.minVector) : scored;
  return gated.sort((a, b) => b.score - a.score || b.seq - a.seq);
}
