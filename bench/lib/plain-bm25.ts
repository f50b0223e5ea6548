/**
 * The "plain BM25" baseline of the memory eval: textbook Okapi BM25 over an in-memory list of
 * documents, with nothing tuned, so that "hybrid beats BM25" means something.
 *
 *   score(d, q) = Σ over query tokens t of  idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d| / avgdl))
 *   idf(t)      = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
 *   k1 = 1.2, b = 0.75
 *
 * N documents, n(t) of them contain t. The idf is Lucene's BM25Similarity form: always positive,
 * unlike the classic ln((N − n + 0.5) / (n + 0.5)) that rank_bm25's BM25Okapi has to floor.
 *
 * Tokens: the text lowercased; each Han character is a token of its own (Chinese has no spaces,
 * and one character per token is the plainest choice), every other run of letters and digits
 * (`\p{L}\p{N}`) is a token. No stemming, no stop words, no synonyms, no typo tolerance. A query
 * token that occurs twice counts twice (as rank_bm25's get_scores). Documents that share no token
 * with the query are not returned; ties go to the later document (the newer memory).
 */
export type Bm25Params = { k1: number; b: number };
export const plainBm25Params: Bm25Params = { k1: 1.2, b: 0.75 };

const tokenPattern = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function plainTokens(text: string): string[] {
  return text.toLowerCase().match(tokenPattern) ?? [];
}

export type Bm25Hit<Id> = { id: Id; score: number };

export type PlainBm25<Id> = {
  /** The inverse document frequency of a token (0 for a token no document has: it cannot score). */
  idf(token: string): number;
  /** The best `k` documents for the query, best first. */
  search(query: string, k: number): Bm25Hit<Id>[];
};

export function plainBm25<Id>(docs: readonly { id: Id; text: string }[], params: Bm25Params = plainBm25Params): PlainBm25<Id> {
  const lengths = docs.map((d) => plainTokens(d.text).length);
  const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  // token -> (document index -> term frequency)
  const postings = new Map<string, Map<number, number>>();
  docs.forEach((doc, i) => {
    for (const token of plainTokens(doc.text)) {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = new Map()));
      list.set(i, (list.get(i) ?? 0) + 1);
    }
  });
  const idf = (token: string) => {
    const n = postings.get(token)?.size ?? 0;
    return n === 0 ? 0 : Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    idf,
    search(query, k) {
      const scores = new Map<number, number>();
      for (const token of plainTokens(query)) {
        const list = postings.get(token);
        if (!list) continue;
        const weight = idf(token);
        for (const [i, tf] of list) {
          const norm = params.k1 * (1 - params.b + (params.b * lengths[i]) / avgdl);
          scores.set(i, (scores.get(i) ?? 0) + (weight * tf * (params.k1 + 1)) / (tf + norm));
        }
      }
      return [...scores]
        .sort((x, y) => y[1] - x[1] || y[0] - x[0])
        .slice(0, k)
        .map(([i, score]) => ({ id: docs[i].id, score }));
    },
  };
}
