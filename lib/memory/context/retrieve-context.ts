/**
 * Intelligent context retrieval for the copilot: given what it is working on (a draft's topic, an
 * account), return the best k memories that fit a token budget, diverse by MMR. The workspace's
 * long-term shared memories (brand voice, audience facts) are always in the candidate pool, even
 * when the context does not mention them. Chosen memories count an access.
 *
 * Scopes (docs/adr/0009-memory-scopes.md): every candidate, brand voice included, passes the same
 * condition: visible to the caller and matching every filter. `accountId` here means "working for
 * this account": its own memories and the workspace-wide ones (no account), never another
 * account's. The other scopes (user, agent, run) and `filter` are exact, so a context call scoped
 * to a run sees that run's memories only.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memoryFilterSql } from "../filters/compile-memory-filter";
import { filtersOf, memoryFilterFields } from "../filters/memory-filter-schema";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { toMemoryView, type MemoryView } from "../memory-view";
import { countAccesses } from "../get-memory";
import { candidateDetails, keywordCandidates, vectorCandidates } from "../search/candidates";
import { fusionFor, rankCandidates } from "../search/ranking";
import { estimateTokens, selectMmr } from "./mmr";
import { activeSpace, embedIn } from "../vectors/active-space";

/** The filter fields, with `accountId` in its context meaning. */
export const contextFilterFields = {
  ...memoryFilterFields,
  accountId: memoryFilterFields.accountId.describe(
    "The RED account the context is for: its own memories join the pool, memories about no account still apply, other accounts' memories never do.",
  ),
};

export const retrieveContextSchema = z
  .object({
    context: z.string().trim().min(1).max(4_000),
    k: z.number().int().min(1).max(20).default(5),
    tokenBudget: z.number().int().min(20).max(8_000).default(800),
    ...contextFilterFields,
  })
  .strict();

const alwaysConsidered = 30;

export async function retrieveContext(
  db: Db,
  actor: MemoryActor,
  raw: z.input<typeof retrieveContextSchema>,
): Promise<{ memories: MemoryView[]; tokens: number }> {
  const input = retrieveContextSchema.parse(raw);
  const active = await activeSpace(db, actor.workspaceId);
  const query = await embedIn(active, input.context);
  const where = memoryFilterSql(actor, filtersOf(input), { accountOrUnscoped: true });
  const pool = Math.max(input.k * 6, 30);
  const chosen = await db.transaction(async (tx) => {
    const vectorSeqs = await vectorCandidates(tx, active.space, actor.workspaceId, where, query, pool);
    const keywordScores = await keywordCandidates(tx, where, input.context, pool);
    const brand = await tx.all<{ seq: number }>(sql`
      SELECT seq FROM memories WHERE ${where} AND type = 'long_term' AND privacy = 'workspace'
      ORDER BY importance DESC LIMIT ${alwaysConsidered}`);
    const forAccount = input.accountId
      ? await tx.all<{ seq: number }>(sql`
          SELECT seq FROM memories WHERE ${where} AND account_id = ${input.accountId}
          ORDER BY importance DESC LIMIT ${alwaysConsidered}`)
      : [];
    const seqs = [...new Set([...vectorSeqs, ...keywordScores.keys(), ...brand.map((b) => b.seq), ...forAccount.map((a) => a.seq)])];
    const ranked = rankCandidates(await candidateDetails(tx, active.space, seqs, query, keywordScores), "hybrid", {
      fusion: fusionFor(active.spec),
      alwaysKeep: new Set([...brand, ...forAccount].map((b) => b.seq)),
    });
    if (ranked.length === 0) return [];
    const rows = await tx.all<{ seq: number; content: string; v: string }>(sql`
      SELECT memories.seq AS seq, content, vector_extract(${active.space.column}) AS v FROM memories ${active.space.join} WHERE memories.seq IN (${sql.join(
        ranked.map((r) => sql`${r.seq}`),
        sql`, `,
      )})`);
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    const picked = selectMmr(
      ranked.map((r) => ({
        key: String(r.seq),
        relevance: r.score,
        vector: bySeq.get(r.seq)!.v ? (JSON.parse(bySeq.get(r.seq)!.v) as number[]) : [],
        tokens: estimateTokens(bySeq.get(r.seq)!.content),
      })),
      { k: input.k, tokenBudget: input.tokenBudget },
    );
    return countAccesses(
      tx,
      picked.map((p) => Number(p.key)),
    );
  });
  if (chosen.length) await invalidateMemoryReads(actor.workspaceId);
  return { memories: chosen.map(toMemoryView), tokens: chosen.reduce((s, m) => s + estimateTokens(m.content), 0) };
}
