/** Hybrid memory search: vector and keyword candidates, ranked by lib/memory/search/ranking.ts, cached per workspace generation. */
import { memoryFilterSql } from "../filters/compile-memory-filter";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import type { MemoryActor } from "../memory-access";
import { cachedMemoryRead } from "../memory-cache";
import { searchMemoriesSchema, type SearchMemoriesInput } from "../memory-schemas";
import { memoryColumns, toMemoryView, type MemoryView } from "../memory-view";
import { candidateDetails, keywordCandidates, vectorCandidates } from "./candidates";
import { activeSpace, embedIn } from "../vectors/active-space";
import { getLogger } from "@/lib/observability/logger";
import { AppError } from "@/lib/errors/app-error";
import { fusionFor, rankCandidates, rankingWeights, type Fusion, type ScoreParts } from "./ranking";
import { recordUse } from "../record-use";

export type SearchHit = {
  memory: MemoryView;
  score: number;
  explain?: ScoreParts & { weights: typeof rankingWeights & { fusion: Fusion } };
};

/** How many candidates each retriever contributes before ranking. */
export const candidatePool = (k: number) => Math.max(k * 5, 50);

export async function searchMemories(
  db: DbOrTx,
  actor: MemoryActor,
  raw: SearchMemoriesInput,
  options: { cache?: boolean; strategy?: "auto" | "exact" | "ann" } = {},
): Promise<{ hits: SearchHit[] }> {
  const input = searchMemoriesSchema.parse(raw);
  const run = () => rankedSearch(db, actor, input, options.strategy ?? "auto");
  if (options.cache === false) return run();
  return cachedMemoryRead(actor.workspaceId, ["search", actor.userId, input, options.strategy ?? "auto"], 60, run);
}

async function rankedSearch(
  db: DbOrTx,
  actor: MemoryActor,
  input: ReturnType<typeof searchMemoriesSchema.parse>,
  strategy: "auto" | "exact" | "ann",
) {
  const where = memoryFilterSql(actor, input);
  const active = await activeSpace(db, actor.workspaceId);
  const query = await queryVector(active, input.query, input.mode);
  const pool = candidatePool(input.k);
  const vectorSeqs =
    input.mode === "keyword" || !query ? [] : await vectorCandidates(db, active.space, actor.workspaceId, where, query, pool, strategy);
  const keywordScores = input.mode === "vector" ? new Map<number, number>() : await keywordCandidates(db, where, input.query, pool);
  const seqs = [...new Set([...vectorSeqs, ...keywordScores.keys()])];
  const fusion = fusionFor(active.spec);
  const ranked = rankCandidates(await candidateDetails(db, active.space, seqs, query, keywordScores), input.mode, { fusion })
    .filter((s) => s.score >= input.minScore && s.score > 0)
    .slice(0, input.k);
  if (ranked.length === 0) return { hits: [] };
  if (input.countAccess) await recordUse(db, actor, { seqs: ranked.map((r) => r.seq) });
  const rows = await db
    .select(memoryColumns)
    .from(memories)
    .where(
      sql`${memories.seq} IN (${sql.join(
        ranked.map((r) => sql`${r.seq}`),
        sql`, `,
      )})`,
    );
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const hits: SearchHit[] = ranked.map((r) => ({
    memory: toMemoryView(bySeq.get(r.seq)!),
    score: Math.round(r.score * 10_000) / 10_000,
    ...(input.explain ? { explain: { ...r.parts, weights: { ...rankingWeights, fusion } } } : {}),
  }));
  return { hits };
}

/**
 * The query's vector in the active space. When an external provider fails, hybrid search still
 * answers by keyword (logged); vector-only mode has nothing to answer with and reports the error.
 */
async function queryVector(active: Awaited<ReturnType<typeof activeSpace>>, text: string, mode: string): Promise<number[] | null> {
  if (mode === "keyword") return null;
  try {
    return await embedIn(active, text);
  } catch (error) {
    if (mode === "vector" || !(error instanceof AppError)) throw error;
    getLogger().warn(
      { err: { message: error.message }, embedder: active.embedder.id },
      "memory search: query embedding failed, answering by keyword only",
    );
    return null;
  }
}
