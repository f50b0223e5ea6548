/**
 * Retrieval quality of one ranked list against the set of relevant ids (a question's evidence),
 * and the averages over questions, overall and per category. Pure: the memory eval
 * (bench/eval-memory.ts) and the CI floor test use the same numbers.
 *
 *   recall@k     the fraction of the relevant ids found in the first k results
 *   any-hit@10   1 when at least one relevant id is in the first 10, else 0
 *   reciprocal   1 / rank of the first relevant id within the first 10, else 0 (MRR@10 averaged)
 *
 * Every question weighs the same in an average ("overall" is not an average of categories).
 */
export type QuestionScore = { recallAt5: number; recallAt10: number; anyHitAt10: number; reciprocalRank: number };
export type MetricSummary = { n: number; recallAt5: number; recallAt10: number; anyHitAt10: number; mrr: number };

const cutoff = 10;

/** Scores one ranked list (best first). A repeated id counts once; `relevant` must not be empty. */
export function scoreRanking(ranked: readonly string[], relevant: Iterable<string>): QuestionScore {
  const wanted = new Set(relevant);
  if (wanted.size === 0) throw new Error("scoreRanking: a question needs at least one relevant id");
  const found = (k: number) => new Set(ranked.slice(0, k).filter((id) => wanted.has(id))).size;
  const first = ranked.slice(0, cutoff).findIndex((id) => wanted.has(id));
  return {
    recallAt5: found(5) / wanted.size,
    recallAt10: found(10) / wanted.size,
    anyHitAt10: first >= 0 ? 1 : 0,
    reciprocalRank: first >= 0 ? 1 / (first + 1) : 0,
  };
}

/** The mean of each metric over the questions (all zeros when there are none). */
export function summarize(scores: readonly QuestionScore[]): MetricSummary {
  const n = scores.length;
  const mean = (pick: (s: QuestionScore) => number) => (n === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / n);
  return {
    n,
    recallAt5: mean((s) => s.recallAt5),
    recallAt10: mean((s) => s.recallAt10),
    anyHitAt10: mean((s) => s.anyHitAt10),
    mrr: mean((s) => s.reciprocalRank),
  };
}

export type CategorizedScore = { categories: readonly string[]; score: QuestionScore };

/**
 * "overall" plus one summary per category. A question may sit in several categories (a query
 * kind and a language); `order` fixes the categories listed first, the rest follow as met.
 */
export function summarizeByCategory(items: readonly CategorizedScore[], order: readonly string[] = []): Record<string, MetricSummary> {
  const groups = new Map<string, QuestionScore[]>(order.map((c) => [c, []]));
  for (const { categories, score } of items) {
    for (const category of new Set(categories)) {
      if (!groups.has(category)) groups.set(category, []);
      groups.get(category)!.push(score);
    }
  }
  const out: Record<string, MetricSummary> = { overall: summarize(items.map((i) => i.score)) };
  for (const [category, scores] of groups) out[category] = summarize(scores);
  return out;
}
