/**
 * The extractive merge of a cluster (used when no LLM provider is configured, or its summary fails
 * the check in summarize-cluster.ts). It must keep meaning, so it keeps everything said and who
 * said it:
 * - members in creation order, each line under its own speaker (attributed-lines.ts), so one
 *   speaker's sentence never lands under another's name;
 * - a sentence is dropped only when the same speaker already said the same thing (equal once case,
 *   width, punctuation and spacing are removed); a question is never dropped;
 * - when the result would not fit in one memory (maxContentChars), the cluster is not merged
 *   (null): nothing is cut off.
 * Tags are unioned, importance is the max, access counts are summed, the category is the most
 * central member's.
 */
import { maxContentChars } from "../memory-schemas";
import { isQuestion, normalizeSentence, renderTurn, turnsOf } from "./attributed-lines";
import { dot } from "./plan-clusters";

export type MergeMember = {
  content: string;
  metadata?: Record<string, unknown>;
  createdAt: Date;
  tags: string[];
  importance: number;
  accessCount: number;
  category: string | null;
  vector: ArrayLike<number>;
};
export type MergedMemory = { content: string; category: string | null; tags: string[]; importance: number; accessCount: number };

export function centralIndex(members: { vector: ArrayLike<number> }[]): number {
  let best = 0;
  let bestSum = -Infinity;
  members.forEach((m, i) => {
    const sum = members.reduce((s, o, j) => (i === j ? s : s + dot(m.vector, o.vector)), 0);
    if (sum > bestSum) [best, bestSum] = [i, sum];
  });
  return best;
}

/** Oldest first; members created in the same millisecond keep their given order. */
export function inCreationOrder<T extends { createdAt: Date }>(members: T[]): T[] {
  return [...members].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The members' lines, attributed and in order, without repeats; null when that would not fit in one memory. */
export function extractiveText(members: Pick<MergeMember, "content" | "metadata" | "createdAt">[]): string | null {
  const said = new Set<string>();
  const lines: string[] = [];
  for (const member of inCreationOrder(members)) {
    for (const turn of turnsOf(member)) {
      const kept = turn.sentences.filter((sentence) => {
        const same = normalizeSentence(sentence);
        if (!same || isQuestion(sentence)) return true;
        const key = `${turn.speaker ?? ""}\u0000${same}`;
        if (said.has(key)) return false;
        said.add(key);
        return true;
      });
      if (kept.length) lines.push(renderTurn(turn, kept));
    }
  }
  const content = lines.join("\n");
  return content.length <= maxContentChars ? content : null;
}

export function mergedAttributes(members: MergeMember[]): Omit<MergedMemory, "content"> {
  return {
    category: members[centralIndex(members)].category,
    tags: [...new Set(members.flatMap((m) => m.tags))].slice(0, 30),
    importance: Math.max(...members.map((m) => m.importance)),
    accessCount: members.reduce((s, m) => s + m.accessCount, 0),
  };
}

/** The extractive merge, or null when the cluster is too long to merge without cutting text. */
export function mergeCluster(members: MergeMember[]): MergedMemory | null {
  const content = extractiveText(members);
  return content === null ? null : { content, ...mergedAttributes(members) };
}
