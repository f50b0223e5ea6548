/**
 * The eval sets, as EvalSet: REALTALK (downloaded, bench/data/realtalk.ts), the committed
 * team-notes set (bench/data/memory-eval-set.ts: Chinese and English notes, one relevant memory
 * per query, with distractors) and the committed dialogue slice (bench/data/dialogue-eval-slice.ts).
 */
import { dialogueSliceQuestions, dialogueSliceSessions } from "../data/dialogue-eval-slice";
import { dialogueSlice2 } from "../data/dialogue-eval-slice-2";
import { memoryEvalDistractors, memoryEvalSet } from "../data/memory-eval-set";
import { loadRealtalk, locateRealtalk } from "../data/realtalk";
import type { EvalSet, EvalTurn } from "./eval-set";

export const setIds = ["realtalk", "zh", "slice"] as const;
export type SetId = (typeof setIds)[number];

const queryKinds = ["close", "paraphrase", "typo"] as const;
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** "zh": every query's one relevant memory is its item; the distractors are loaded after the items. */
export function teamNotesSet(): EvalSet {
  const name = "team-notes";
  const turns: EvalTurn[] = [
    ...memoryEvalSet.map((item, i) => ({
      key: `item-${i}`,
      content: item.content,
      tags: item.tags,
      metadata: { item: i, conversation: name },
    })),
    ...memoryEvalDistractors.map((content, i) => ({ key: `distractor-${i}`, content, metadata: { distractor: i, conversation: name } })),
  ];
  const questions = memoryEvalSet.flatMap((item, i) =>
    item.queries.map((query, q) => ({ query, evidence: [`item-${i}`], categories: [queryKinds[q], hasHan(item.content) ? "zh" : "en"] })),
  );
  return {
    id: "zh",
    title: `team notes (bench/data/memory-eval-set.ts): ${memoryEvalSet.length} notes + ${memoryEvalDistractors.length} distractors, ${questions.length} queries`,
    conversations: [{ name, turns, questions }],
    categories: [...queryKinds, "zh", "en"],
    notes: ["one relevant memory per query, so recall@k and any-hit@k are the same number"],
  };
}

type SliceConversation = {
  conversation: string;
  sessions: { dateTime: string; turns: [string, string][] }[];
  questions: { question: string; evidence: string[]; category: string }[];
};

/**
 * "slice": the hand-written conversations (bench/data/dialogue-eval-slice.ts: Mara and Tobi;
 * dialogue-eval-slice-2.ts, written blind: two siblings, and a RED content team in Chinese),
 * each searched on its own, turns as "<speaker>: <text>".
 */
export function dialogueSliceSet(): EvalSet {
  const all: SliceConversation[] = [
    { conversation: "dialogue-slice", sessions: dialogueSliceSessions, questions: dialogueSliceQuestions },
    ...dialogueSlice2,
  ];
  const conversations = all.map(({ conversation: name, sessions, questions }) => {
    const turns: EvalTurn[] = sessions.flatMap((session, s) =>
      session.turns.map(([speaker, text], t) => {
        const diaId = `D${s + 1}:${t + 1}`;
        return { key: diaId, content: `${speaker}: ${text}`, metadata: { diaId, sessionDateTime: session.dateTime, conversation: name } };
      }),
    );
    const keys = new Set(turns.map((t) => t.key));
    for (const q of questions) {
      const unknown = q.evidence.filter((e) => !keys.has(e));
      if (unknown.length) throw new Error(`dialogue slice ${name}: "${q.question}" names turns that do not exist: ${unknown.join(", ")}`);
    }
    return { name, turns, questions: questions.map((q) => ({ query: q.question, evidence: q.evidence, categories: [q.category] })) };
  });
  const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
  const questions = conversations.reduce((n, c) => n + c.questions.length, 0);
  return {
    id: "slice",
    title: `dialogue slices (bench/data/dialogue-eval-slice*.ts): ${conversations.length} conversations, ${turns} turns, ${questions} questions`,
    conversations,
    categories: ["multi-hop", "temporal", "commonsense"],
    notes: [],
  };
}

/** Loads the named sets; REALTALK throws with instructions when its data is missing. */
export function loadSets(ids: readonly SetId[], options: { root: string; limitConversations?: number }): EvalSet[] {
  return ids.map((id) =>
    id === "realtalk"
      ? loadRealtalk(locateRealtalk(options.root), options.limitConversations)
      : id === "zh"
        ? teamNotesSet()
        : dialogueSliceSet(),
  );
}
