/**
 * Candidate retrieval for search: nearest neighbours by vector and best matches by keyword.
 *
 * Vector path (documented choice): filters first. When at most `exactScanLimit` memories pass the
 * caller's filters (counted, up to that limit), those are scanned exactly (`vector_distance_cos`
 * over the filtered rows only: exact, and as fast as the index at that size). More than that, and
 * the DiskANN index (`vector_top_k`) is asked for more rows than needed, since it cannot filter:
 * 2x the needed rows times the index's inverse share held by the workspace (at most 50x); if too
 * few survive the filters it asks again 4x wider up to `maxAnnFetch`, then falls back to the
 * exact scan. The bench reports this path's recall@10
 * against the exact scan with and without filters (`npm run bench -- memory`).
 */
import { sql, type SQL } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { VectorSpace } from "../vectors/vector-space";
import { bm25Params, bm25Score, fullMatchScore, type CorpusStats } from "./bm25";
import { ftsTerms, toFtsMatch } from "./fts-query";
import type { Candidate } from "./ranking";

export const exactScanLimit = 5_000;
const maxAnnFetch = 5_000;

/**
 * How many rows the workspace has, and how many the space's index holds (for the over-fetch).
 * Counting 100k rows twice cost several ms per search, and the answer only picks exact vs ANN
 * and the over-fetch factor, so it is kept per process for `shareTtlMs`.
 */
const shareTtlMs = 30_000;
const shareCache = new LRUCache<string, { mine: number; total: number }>({ max: 1_000, ttl: shareTtlMs });

async function indexShare(db: DbOrTx, space: VectorSpace, workspaceId: string): Promise<{ mine: number; total: number }> {
  const key = `${space.key}:${workspaceId}`;
  const hit = shareCache.get(key);
  if (hit) return hit;
  const all = space.table ? sql`SELECT count(*) FROM ${sql.raw(space.table)}` : sql`SELECT count(*) FROM memories`;
  const [row] = await db.all<{ mine: number; total: number }>(
    sql`SELECT (SELECT count(*) FROM memories WHERE workspace_id = ${workspaceId}) AS mine, (${all}) AS total`,
  );
  shareCache.set(key, row);
  return row;
}

const vec = (v: number[]) => sql`vector32(${JSON.stringify(v)})`;

/**
 * How many memories pass the caller's filters, counted up to `limit` (the count stops there: a
 * broad filter answers after a few thousand rows, a narrow one walks the workspace once). It only
 * chooses between the exact scan and the index, and a wrong choice is corrected below (refill,
 * then the exact scan), so a count is reused for `shareTtlMs` by searches with the same filter:
 * paging through one account's or one run's memories walks the workspace once, not per query.
 */
const dialect = new SQLiteAsyncDialect();
const passingCache = new LRUCache<string, { n: number }>({ max: 1_000, ttl: shareTtlMs });

async function countPassing(db: DbOrTx, where: SQL, limit: number): Promise<number> {
  const { sql: text, params } = dialect.sqlToQuery(where);
  const key = JSON.stringify([text, params, limit]);
  const hit = passingCache.get(key);
  if (hit) return hit.n;
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM memories WHERE ${where} LIMIT ${limit})`);
  passingCache.set(key, { n: row.n });
  return row.n;
}

export async function vectorCandidates(
  db: DbOrTx,
  space: VectorSpace,
  workspaceId: string,
  where: SQL,
  query: number[],
  n: number,
  strategy: "auto" | "exact" | "ann" = "auto",
): Promise<number[]> {
  // vector_top_k(..., 0) aborts the whole process: never let a k below 1 through.
  if (!Number.isInteger(n) || n < 1) throw new AppError("VALIDATION_FAILED", { fieldErrors: { k: ["k must be at least 1"] } });
  let useAnn = strategy === "ann";
  let share = 1;
  if (strategy !== "exact") {
    const { mine, total } = await indexShare(db, space, workspaceId);
    const passing = mine > exactScanLimit ? await countPassing(db, where, exactScanLimit + 1) : mine;
    if (strategy === "auto") useAnn = passing > exactScanLimit;
    // Past the limit the count knows no more: assume the filter passes the workspace (a narrower
    // one leaves too few rows, and the refill below widens the fetch).
    share = total / Math.max(1, passing > exactScanLimit ? mine : passing);
  }
  if (useAnn) {
    let fetch = Math.min(maxAnnFetch, Math.ceil(n * Math.min(50, Math.max(1, share)) * 2));
    for (;;) {
      const rows = await db.all<{ seq: number }>(sql`
        SELECT memories.seq AS seq FROM vector_top_k(${space.index}, ${vec(query)}, ${fetch}) AS v
        JOIN memories ON memories.seq = v.id ${space.join}
        WHERE ${where}
        ORDER BY vector_distance_cos(${space.column}, ${vec(query)}) LIMIT ${n}`);
      if (rows.length >= n || (strategy === "ann" && fetch === maxAnnFetch)) return rows.map((r) => r.seq);
      if (fetch === maxAnnFetch) break;
      fetch = Math.min(maxAnnFetch, fetch * 4);
    }
  }
  const rows = await db.all<{ seq: number }>(sql`
    SELECT memories.seq AS seq FROM memories ${space.join} WHERE ${where} AND ${space.column} IS NOT NULL
    ORDER BY vector_distance_cos(${space.column}, ${vec(query)}) LIMIT ${n}`);
  return rows.map((r) => r.seq);
}

/** FTS5 picks the candidates with the same column weights bm25.ts scores them with. */
const ftsWeights = `1, ${bm25Params.tagWeight}`;

/**
 * Keyword candidates: every memory the caller may see that matches any query term, the whole
 * filtered set ordered by relevance (the FTS index finds the matches, the filters apply before the
 * ordering, and nothing is cut by age), the best `n` scored by BM25 (bm25.ts) relative to a full
 * match (`fullMatchScore`: 1 = every query term once). A broad query costs time in proportion to
 * its matches; the stop words the analysis drops keep "what", "的" and "the" from matching
 * everything.
 */
export async function keywordCandidates(db: DbOrTx, where: SQL, queryText: string, n: number): Promise<Map<number, number>> {
  const terms = ftsTerms(queryText);
  if (terms.length === 0) return new Map();
  const rows = await db.all<{ seq: number; terms: string | null; tags: string | null }>(sql`
    SELECT memories.seq AS seq, memories.search_terms AS terms, memories.search_tags AS tags FROM memories_fts
    JOIN memories ON memories.seq = memories_fts.rowid
    WHERE memories_fts MATCH ${toFtsMatch(terms)} AND ${where}
    ORDER BY bm25(memories_fts, ${sql.raw(ftsWeights)}) LIMIT ${n}`);
  if (rows.length === 0) return new Map();
  const stats = await corpusStats(db, terms);
  const split = (text: string | null) => (text ? text.split(" ") : []);
  const full = fullMatchScore(terms, stats);
  return new Map(rows.map((r) => [r.seq, bm25Score(terms, { terms: split(r.terms), tags: split(r.tags) }, stats) / full]));
}

/**
 * N and the mean length change slowly and cost a scan of the table, so they are kept per process
 * for `corpusTtlMs`; the document frequencies are read each time (one vocabulary lookup per term).
 */
const corpusTtlMs = 60_000;
let corpusSize: { n: number; avgLength: number; at: number } | undefined;

async function corpusStats(db: DbOrTx, terms: string[]): Promise<CorpusStats> {
  if (!corpusSize || Date.now() - corpusSize.at > corpusTtlMs) {
    const [row] = await db.all<{ n: number; avg: number | null }>(sql`
      SELECT count(*) AS n, avg(length(search_terms) - length(replace(search_terms, ' ', '')) + 1) AS avg
      FROM memories WHERE search_terms IS NOT NULL AND search_terms != ''`);
    corpusSize = { n: row.n, avgLength: row.avg ?? 1, at: Date.now() };
  }
  const df = await db.all<{ term: string; doc: number }>(
    sql`SELECT term, doc FROM memories_fts_vocab WHERE term IN (${sql.join(
      terms.map((t) => sql`${t}`),
      sql`, `,
    )})`,
  );
  return { n: Math.max(corpusSize.n, 1), avgLength: corpusSize.avgLength, df: new Map(df.map((d) => [d.term, d.doc])) };
}

/** `query` null: the query could not be embedded (provider down), so every vector part is 0. */
export async function candidateDetails(
  db: DbOrTx,
  space: VectorSpace,
  seqs: number[],
  query: number[] | null,
  keywordScores: Map<number, number>,
): Promise<Candidate[]> {
  if (seqs.length === 0) return [];
  const rows = await db.all<{
    seq: number;
    distance: number | null;
    importance: number;
    access_count: number;
    created_at: number;
    last_accessed_at: number | null;
  }>(sql`
    SELECT memories.seq AS seq, ${query ? sql`vector_distance_cos(${space.column}, ${vec(query)})` : sql`NULL`} AS distance, importance, access_count, created_at, last_accessed_at
    FROM memories ${space.join} WHERE memories.seq IN (${sql.join(
      seqs.map((s) => sql`${s}`),
      sql`, `,
    )})`);
  return rows.map((r) => ({
    seq: r.seq,
    distance: r.distance ?? 1,
    keywordScore: keywordScores.get(r.seq) ?? null,
    importance: r.importance,
    accessCount: r.access_count,
    lastUsedAt: Math.max(r.created_at, r.last_accessed_at ?? 0),
  }));
}
