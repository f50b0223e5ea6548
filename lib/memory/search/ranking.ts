/**
 * The one place the hybrid ranking lives. For a candidate memory:
 *
 *   score = 0.50 · vector + 0.30 · keyword + 0.10 · importance + 0.05 · recency + 0.05 · access
 *
 *   vector     cosine similarity of query and memory embeddings, clamped to [0, 1]
 *   keyword    FTS5 bm25, normalised within the candidate set: bm25 / best bm25 (best match = 1;
 *              a memory the keyword query did not match = 0)
 *   importance the memory's importance, 0..1
 *   recency    0.5 ^ (days since last used or created / 30): a 30-day half-life
 *   access     log(1 + accesses) / log(1 + 50), capped at 1: use counts, with diminishing returns
 *
 * The weights sum to 1, so scores are in [0, 1] and a min-score threshold means the same thing
 * for every query. "vector" and "keyword" modes rank by that single signal (for evaluation).
 * Relevance gate (hybrid mode): a candidate must match the keyword query or have vector similarity >= 0.1 (tuned on npm run eval:memory), so
 * importance and recency reorder relevant memories but never surface irrelevant ones.
 */
export const rankingWeights = { vector: 0.5, keyword: 0.3, importance: 0.1, recency: 0.05, access: 0.05 } as const;
export const recencyHalfLifeDays = 30;
export const minVectorRelevance = 0.1;
export const accessSaturation = 50;

export type RankingMode = "hybrid" | "vector" | "keyword";

export type Candidate = {
  seq: number;
  /** Cosine distance from libSQL (0 = same direction, 2 = opposite). */
  distance: number;
  /** Raw FTS5 bm25 (negative, lower is better), null when the keyword query did not match. */
  bm25: number | null;
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

export function accessScore(accessCount: number): number {
  return clamp01(Math.log1p(accessCount) / Math.log1p(accessSaturation));
}

/** `alwaysKeep`: seqs exempt from the relevance gate (the brand voice in context retrieval). */
export function rankCandidates(
  candidates: Candidate[],
  mode: RankingMode,
  now = Date.now(),
  alwaysKeep: ReadonlySet<number> = new Set(),
): Scored[] {
  const best = Math.min(0, ...candidates.map((c) => c.bm25 ?? 0));
  const scored = candidates.map((c) => {
    const parts: ScoreParts = {
      vector: clamp01(1 - c.distance),
      keyword: c.bm25 === null || best === 0 ? 0 : clamp01(c.bm25 / best),
      importance: clamp01(c.importance),
      recency: recencyScore(c.lastUsedAt, now),
      access: accessScore(c.accessCount),
    };
    const score =
      mode === "vector"
        ? parts.vector
        : mode === "keyword"
          ? parts.keyword
          : (Object.keys(rankingWeights) as (keyof ScoreParts)[]).reduce((s, key) => s + rankingWeights[key] * parts[key], 0);
    return { seq: c.seq, score, parts };
  });
  const gated =
    mode === "hybrid" ? scored.filter((s) => alwaysKeep.has(s.seq) || s.parts.keyword > 0 || s.parts.vector >= minVectorRelevance) : scored;
  return gated.sort((a, b) => b.score - a.score || b.seq - a.seq);
}
