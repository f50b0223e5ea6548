/**
 * Candidate retrieval for search: nearest neighbours by vector and best matches by keyword.
 *
 * Vector path (documented choice): a workspace with up to `exactScanLimit` memories is scanned
 * exactly (`vector_distance_cos` with `WHERE workspace_id = ?`: as fast as the index at that size,
 * and exact). Larger ones ask the DiskANN index (`vector_top_k`) for more rows than needed, since
 * the index cannot filter: 2x the needed rows times the workspace's inverse share of the index
 * (capped at 10x), filtered by workspace, privacy and filters after; if too few survive it asks
 * once more 5x wider, then falls back to the exact scan.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { memoryFilterSql, type MemoryFilters } from "../filters/compile-memory-filter";
import type { MemoryActor } from "../memory-access";
import type { VectorSpace } from "../vectors/vector-space";
import type { Candidate } from "./ranking";

export const exactScanLimit = 5_000;
const maxAnnFetch = 5_000;

/** Every memory endpoint's filters (lib/memory/filters/): scopes, tags, tier, time, metadata, the filter language. */
export type SearchFilters = MemoryFilters;

export function searchFilterSql(actor: Pick<MemoryActor, "workspaceId" | "userId" | "accountIds">, f: SearchFilters): SQL {
  return memoryFilterSql(actor, f);
}

/**
 * How many rows the workspace has, and how many the space's index holds (for the over-fetch).
 * Counting 100k rows twice cost several ms per search, and the answer only picks exact vs ANN
 * and the over-fetch factor, so it is kept per process for `shareTtlMs`.
 */
const shareTtlMs = 30_000;
const shareCache = new Map<string, { mine: number; total: number; at: number }>();

async function indexShare(db: DbOrTx, space: VectorSpace, workspaceId: string): Promise<{ mine: number; total: number }> {
  const key = `${space.key}:${workspaceId}`;
  const hit = shareCache.get(key);
  if (hit && Date.now() - hit.at < shareTtlMs) return hit;
  const all = space.table ? sql`SELECT count(*) FROM ${sql.raw(space.table)}` : sql`SELECT count(*) FROM memories`;
  const [row] = await db.all<{ mine: number; total: number }>(
    sql`SELECT (SELECT count(*) FROM memories WHERE workspace_id = ${workspaceId}) AS mine, (${all}) AS total`,
  );
  if (shareCache.size > 1_000) shareCache.clear();
  shareCache.set(key, { ...row, at: Date.now() });
  return row;
}

const vec = (v: number[]) => sql`vector32(${JSON.stringify(v)})`;

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
    if (strategy === "auto") useAnn = mine > exactScanLimit;
    share = mine > 0 ? total / mine : 1;
  }
  if (useAnn) {
    // Over-fetch by how much of the index belongs to other workspaces (capped at 10x), then once more 5x wider.
    const base = Math.ceil(n * Math.min(10, Math.max(1, share)) * 2);
    for (const fetch of [Math.min(maxAnnFetch, base), Math.min(maxAnnFetch, base * 5)]) {
      const rows = await db.all<{ seq: number }>(sql`
        SELECT memories.seq AS seq FROM vector_top_k(${space.index}, ${vec(query)}, ${fetch}) AS v
        JOIN memories ON memories.seq = v.id ${space.join}
        WHERE ${where}
        ORDER BY vector_distance_cos(${space.column}, ${vec(query)}) LIMIT ${n}`);
      if (rows.length >= n || strategy === "ann" || fetch === maxAnnFetch) return rows.map((r) => r.seq);
    }
  }
  const rows = await db.all<{ seq: number }>(sql`
    SELECT memories.seq AS seq FROM memories ${space.join} WHERE ${where} AND ${space.column} IS NOT NULL
    ORDER BY vector_distance_cos(${space.column}, ${vec(query)}) LIMIT ${n}`);
  return rows.map((r) => r.seq);
}

/**
 * Keyword candidates, bounded. A broad query on a large workspace can match most of it (every
 * memory mentioning "标题" or "weekend"), and ranking every match by bm25 costs time in proportion
 * to the matches (~50 ms at 100k). So FTS5 returns the `keywordWindow` (200) newest matches in rowid
 * order (it stops early; the LIMIT must be a literal for that), bm25 ranks those, and the
 * caller's filters apply to them by key. A query with fewer matches than the window is ranked
 * exactly as before; a broad one favours recent matches (what the recency weight favours anyway),
 * and the vector side still finds older relevant memories. If the window is full yet too few of
 * its rows are the caller's (other workspaces' rows share the index), the exact query runs.
 */
export const keywordWindow = 200;

export async function keywordCandidates(db: DbOrTx, where: SQL, match: string | null, n: number): Promise<Map<number, number>> {
  if (!match) return new Map();
  // Separate statements on purpose: as a subquery or CTE, SQLite loses FTS5's early stop.
  const window = await db.all<{ seq: number; rank: number }>(sql`
    SELECT rowid AS seq, rank FROM memories_fts WHERE memories_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${sql.raw(String(keywordWindow))}`);
  if (window.length === 0) return new Map();
  // NOT INDEXED: without it SQLite walks the workspace's index (every row of a 100k workspace,
  // ~8 ms) instead of looking up the window's rowids; the rowid lookup stays allowed.
  const allowed = await db.all<{ seq: number }>(
    sql`SELECT seq FROM memories NOT INDEXED WHERE seq IN (${sql.join(
      window.map((w) => sql`${w.seq}`),
      sql`, `,
    )}) AND ${where}`,
  );
  if (window.length === keywordWindow && allowed.length < n) return exactKeywordCandidates(db, where, match, n);
  const ok = new Set(allowed.map((a) => a.seq));
  const ranked = window
    .filter((w) => ok.has(w.seq))
    .sort((a, b) => a.rank - b.rank || b.seq - a.seq)
    .slice(0, n);
  return new Map(ranked.map((r) => [r.seq, r.rank]));
}

async function exactKeywordCandidates(db: DbOrTx, where: SQL, match: string, n: number): Promise<Map<number, number>> {
  const rows = await db.all<{ seq: number; bm25: number }>(sql`
    SELECT memories.seq AS seq, bm25(memories_fts) AS bm25 FROM memories_fts
    JOIN memories ON memories.seq = memories_fts.rowid
    WHERE memories_fts MATCH ${match} AND ${where}
    ORDER BY bm25 LIMIT ${n}`);
  return new Map(rows.map((r) => [r.seq, r.bm25]));
}

/** `query` null: the query could not be embedded (provider down), so every vector part is 0. */
export async function candidateDetails(
  db: DbOrTx,
  space: VectorSpace,
  seqs: number[],
  query: number[] | null,
  bm25: Map<number, number>,
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
    bm25: bm25.get(r.seq) ?? null,
    importance: r.importance,
    accessCount: r.access_count,
    lastUsedAt: Math.max(r.created_at, r.last_accessed_at ?? 0),
  }));
}
