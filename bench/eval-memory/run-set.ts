/**
 * Loads an eval set through the memory API and scores five retrieval methods on it:
 *
 *   hybrid, keyword, vector   POST /api/v1/memories/search, k 10, limited to the conversation
 *   bm25                      plain BM25 (bench/lib/plain-bm25.ts) over the same turns, here
 *   recent10                  the conversation's 10 last turns, newest first
 *
 * Every turn becomes one long-term, workspace-visible memory labelled with its conversation
 * (bench/eval-memory/scope.ts); the ids the API hands back map hits to turn keys.
 */
import { plainBm25 } from "../lib/plain-bm25";
import { type CategorizedScore, type MetricSummary, scoreRanking, summarizeByCategory } from "../lib/retrieval-metrics";
import type { EvalConversation, EvalSet } from "./eval-set";
import { forEachLimited, type MemoryApi } from "./memory-api";
import { labelForConversation, limitToConversation, type SearchMode } from "./scope";

export const methods = ["hybrid", "keyword", "vector", "bm25", "recent10"] as const;
export type Method = (typeof methods)[number];
const apiModes: readonly SearchMode[] = ["hybrid", "keyword", "vector"];

export type LoadedConversation = { conversation: EvalConversation; keyById: Map<string, string> };

/** Creates every turn as a memory, conversation after conversation, `concurrency` requests in flight. */
export async function loadSet(api: MemoryApi, set: EvalSet, concurrency = 8): Promise<LoadedConversation[]> {
  const loaded: LoadedConversation[] = [];
  for (const conversation of set.conversations) {
    const keyById = new Map<string, string>();
    await forEachLimited(conversation.turns, concurrency, async (turn) => {
      const body = labelForConversation(
        { content: turn.content, type: "long_term", privacy: "workspace", tags: turn.tags ?? [], metadata: turn.metadata ?? {} },
        conversation.name,
      );
      keyById.set(await api.create(body), turn.key);
    });
    loaded.push({ conversation, keyById });
  }
  return loaded;
}

export type QuestionResult = {
  conversation: string;
  query: string;
  categories: string[];
  evidence: string[];
  /** Turn keys per method, best first ("?" for a hit outside the conversation). */
  ranked: Partial<Record<Method, string[]>>;
};

export type SetResult = {
  id: string;
  title: string;
  notes: string[];
  categories: string[];
  turns: number;
  questions: QuestionResult[];
  /** method -> "overall" | category -> summary */
  summary: Partial<Record<Method, Record<string, MetricSummary>>>;
  /** Search hits that were not memories of the conversation searched (a scoping leak; should be 0). */
  foreignHits: number;
};

/** Asks every question of the set with each method and scores the rankings. */
export async function evaluateSet(
  api: MemoryApi,
  set: EvalSet,
  loaded: readonly LoadedConversation[],
  options: { methods?: readonly Method[]; concurrency?: number } = {},
): Promise<SetResult> {
  const wanted = options.methods ?? methods;
  const questions: QuestionResult[] = [];
  let foreignHits = 0;
  for (const { conversation, keyById } of loaded) {
    const bm25 = plainBm25(conversation.turns.map((t) => ({ id: t.key, text: t.content })));
    const recent = conversation.turns
      .slice(-10)
      .reverse()
      .map((t) => t.key);
    const results = conversation.questions.map(
      (q): QuestionResult => ({
        conversation: conversation.name,
        query: q.query,
        categories: q.categories,
        evidence: q.evidence,
        ranked: {},
      }),
    );
    await forEachLimited(results, options.concurrency ?? 4, async (result) => {
      for (const mode of apiModes.filter((m) => wanted.includes(m))) {
        const ids = await api.search(limitToConversation({ query: result.query, k: 10, mode }, conversation.name));
        result.ranked[mode] = ids.map((id) => keyById.get(id) ?? (foreignHits++, "?"));
      }
      if (wanted.includes("bm25")) result.ranked.bm25 = bm25.search(result.query, 10).map((h) => h.id);
      if (wanted.includes("recent10")) result.ranked.recent10 = recent;
    });
    questions.push(...results);
  }
  const summary: SetResult["summary"] = {};
  for (const method of wanted) {
    const scored: CategorizedScore[] = questions.map((q) => ({
      categories: q.categories,
      score: scoreRanking(q.ranked[method] ?? [], q.evidence),
    }));
    summary[method] = summarizeByCategory(scored, set.categories);
  }
  return {
    id: set.id,
    title: set.title,
    notes: set.notes,
    categories: set.categories,
    turns: set.conversations.reduce((n, c) => n + c.turns.length, 0),
    questions,
    summary,
    foreignHits,
  };
}
