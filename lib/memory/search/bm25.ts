/**
 * BM25 as Lucene scores it (k1 1.2, b 0.75, idf = ln(1 + (N − n + 0.5) / (n + 0.5))), over the
 * terms memories_fts indexes: content terms count fully, tag and category terms at
 * `tagWeight`. FTS5 finds and orders the candidates; this scores them, because FTS5's own
 * bm25() floors the idf of a term found in more than half of the memories at 1e-6: in a young
 * workspace of a dozen memories, where half of them say "面霜", that word would count for nothing.
 */
export const bm25Params = { k1: 1.2, b: 0.75, tagWeight: 0.5 } as const;

/** N: memories indexed; avgLength: their mean content length in terms; df: memories containing each query term. */
export type CorpusStats = { n: number; avgLength: number; df: ReadonlyMap<string, number> };

export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function bm25Score(
  queryTerms: readonly string[],
  doc: { terms: readonly string[]; tags: readonly string[] },
  stats: CorpusStats,
): number {
  const { k1, b, tagWeight } = bm25Params;
  const tf = new Map<string, number>();
  for (const t of doc.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const t of doc.tags) tf.set(t, (tf.get(t) ?? 0) + tagWeight);
  const norm = 1 - b + (b * doc.terms.length) / Math.max(1, stats.avgLength);
  let score = 0;
  for (const term of new Set(queryTerms)) {
    const f = tf.get(term);
    if (!f) continue;
    score += (idf(stats.n, Math.min(stats.n, stats.df.get(term) ?? 1)) * (f * (k1 + 1))) / (f + k1 * norm);
  }
  return score;
}

/**
 * The score of a memory that contains every query term once and is of average length: Σ idf. A
 * BM25 score divided by it says how much of the question a memory answers, the same way for every
 * query (a memory that shares one common character with the question is not a "best match"
 * just because nothing else matched at all). Above 1 only for repeats; clamped by the caller.
 */
export function fullMatchScore(queryTerms: readonly string[], stats: CorpusStats): number {
  let sum = 0;
  for (const term of new Set(queryTerms)) sum += idf(stats.n, Math.min(stats.n, stats.df.get(term) ?? 1));
  return sum;
}
