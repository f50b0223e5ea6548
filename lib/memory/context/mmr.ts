/**
 * Maximal marginal relevance under a token budget: repeatedly take the candidate with the best
 * λ·relevance − (1−λ)·(max similarity to what is already taken), skipping any that would overflow
 * the budget. Keeps the context from being five rephrasings of one fact.
 */
export type MmrItem = { key: string; relevance: number; vector: number[]; tokens: number };

// A memory without a vector (not embedded yet) counts as unlike every other.
const dot = (a: number[], b: number[]) => (a.length === b.length ? a.reduce((s, x, i) => s + x * b[i], 0) : 0);

export function selectMmr(items: MmrItem[], options: { k: number; tokenBudget: number; lambda?: number }): MmrItem[] {
  // 0.5: at 0.7 a near-copy (similarity ~0.95) of a strong hit still beat a weaker but new fact.
  const lambda = options.lambda ?? 0.5;
  const chosen: MmrItem[] = [];
  const left = [...items];
  let budget = options.tokenBudget;
  while (chosen.length < options.k && left.length) {
    let bestIndex = -1;
    let bestValue = -Infinity;
    left.forEach((item, i) => {
      if (item.tokens > budget) return;
      const redundancy = chosen.length ? Math.max(...chosen.map((c) => dot(c.vector, item.vector))) : 0;
      const value = lambda * item.relevance - (1 - lambda) * redundancy;
      if (value > bestValue) [bestValue, bestIndex] = [value, i];
    });
    if (bestIndex < 0) break;
    const [item] = left.splice(bestIndex, 1);
    chosen.push(item);
    budget -= item.tokens;
  }
  return chosen;
}

/** A cheap token estimate that is fair to Chinese: one per CJK character, one per ~4 other characters. */
export function estimateTokens(text: string): number {
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  return cjk + Math.ceil((text.length - cjk) / 4);
}
