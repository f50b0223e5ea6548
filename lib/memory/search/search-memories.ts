/** Hybrid memory search: vector and keyword candidates, ranked by lib/memory/search/ranking.ts, cached per workspace generation. */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { embedOne } from "../embedder";
import type { MemoryActor } from "../memory-access";
import { cachedMemoryRead } from "../memory-cache";
import { searchMemoriesSchema, type SearchMemoriesInput } from "../memory-schemas";
import { memoryColumns, toMemoryView, type MemoryView } from "../memory-view";
import { candidateDetails, keywordCandidates, searchFilterSql, vectorCandidates } from "./candidates";
import { toFtsMatch } from "./fts-query";
import { rankCandidates, rankingWeights, type ScoreParts } from "./ranking";

export type SearchHit = { memory: MemoryView; score: number; explain?: ScoreParts & { weights: typeof rankingWeights } };

/** How many candidates each retriever contributes before ranking. */
export const candidatePool = (k: number) => Math.max(k * 5, 50);

export async function searchMemories(db: DbOrTx, actor: MemoryActor, raw: SearchMemoriesInput, options: { cache?: boolean; strategy?: "auto" | "exact" | "ann" } = {}): Promise<{ hits: SearchHit[] }> {
  const input = searchMemoriesSchema.parse(raw);
  const run = () => rankedSearch(db, actor, input, options.strategy ?? "auto");
  if (options.cache === false) return run();
  return cachedMemoryRead(actor.workspaceId, ["search", actor.userId, input, options.strategy ?? "auto"], 60, run);
}

async function rankedSearch(db: DbOrTx, actor: MemoryActor, input: ReturnType<typeof searchMemoriesSchema.parse>, strategy: "auto" | "exact" | "ann") {
  const where = searchFilterSql(actor, input);
  const query = await embedOne(input.query);
  const pool = candidatePool(input.k);
  const vectorSeqs = input.mode === "keyword" ? [] : await vectorCandidates(db, actor.workspaceId, where, query, pool, strategy);
  const bm25 = input.mode === "vector" ? new Map<number, number>() : await keywordCandidates(db, where, toFtsMatch(input.query), pool);
  const seqs = [...new Set([...vectorSeqs, ...bm25.keys()])];
  const ranked = rankCandidates(await candidateDetails(db, seqs, query, bm25), input.mode)
    .filter((s) => s.score >= input.minScore && s.score > 0)
    .slice(0, input.k);
  if (ranked.length === 0) return { hits: [] };
  const rows = await db.select(memoryColumns).from(memories).where(sql`${memories.seq} IN (${sql.join(ranked.map((r) => sql`${r.seq}`), sql`, `)})`);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const hits: SearchHit[] = ranked.map((r) => ({
    memory: toMemoryView(bySeq.get(r.seq)!),
    score: Math.round(r.score * 10_000) / 10_000,
    ...(input.explain ? { explain: { ...r.parts, weights: rankingWeights } } : {}),
  }));
  return { hits };
}
