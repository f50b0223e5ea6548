/**
 * The extractive merge of a cluster (used when no LLM provider is configured): the most central
 * member's text, then each sentence of the others that says something not already said (cosine
 * below `distinctBelow` to every kept sentence). Tags are unioned, importance is the max, access
 * counts are summed.
 */
import { hashingVector } from "../embedder/hashing-embedder";
import { maxContentChars } from "../memory-schemas";
import { dot } from "./plan-clusters";

export type MergeMember = {
  content: string;
  tags: string[];
  importance: number;
  accessCount: number;
  category: string | null;
  vector: ArrayLike<number>;
};

const distinctBelow = 0.8;
const sentenceSplit = /(?<=[。！？!?；;\n])|(?<=\.)\s+/;

export function splitSentences(text: string): string[] {
  return text
    .split(sentenceSplit)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function centralIndex(members: { vector: ArrayLike<number> }[]): number {
  let best = 0;
  let bestSum = -Infinity;
  members.forEach((m, i) => {
    const sum = members.reduce((s, o, j) => (i === j ? s : s + dot(m.vector, o.vector)), 0);
    if (sum > bestSum) [best, bestSum] = [i, sum];
  });
  return best;
}

export function mergeCluster(members: MergeMember[]) {
  const center = members[centralIndex(members)];
  const kept = splitSentences(center.content);
  const keptVectors = kept.map((s) => hashingVector(s, 256));
  const extra: string[] = [];
  for (const m of members) {
    if (m === center) continue;
    for (const sentence of splitSentences(m.content)) {
      const v = hashingVector(sentence, 256);
      if (keptVectors.every((k) => dot(k, v) < distinctBelow)) {
        extra.push(sentence);
        keptVectors.push(v);
      }
    }
  }
  let content = center.content.trim();
  for (const sentence of extra) {
    const next = `${content}\n- ${sentence}`;
    if (next.length > maxContentChars) break;
    content = next;
  }
  return {
    content,
    category: center.category,
    tags: [...new Set(members.flatMap((m) => m.tags))].slice(0, 30),
    importance: Math.max(...members.map((m) => m.importance)),
    accessCount: members.reduce((s, m) => s + m.accessCount, 0),
  };
}
