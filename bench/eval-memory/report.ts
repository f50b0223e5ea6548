/**
 * The eval's printout: one markdown table per set (rows: overall and each category; columns:
 * each method's R@5, R@10, any-hit@10 and MRR) and the verdict against the goal: hybrid R@10 at
 * least 5 points above plain BM25 overall, and no worse than BM25 in any category.
 */
import { type MetricSummary, scoreRanking, summarize } from "../lib/retrieval-metrics";
import { type Method, methods, type SetResult } from "./run-set";

export const goal = { overallMargin: 0.05, categoryMargin: 0 } as const;

const metricColumns: [keyof MetricSummary, string][] = [
  ["recallAt5", "R@5"],
  ["recallAt10", "R@10"],
  ["anyHitAt10", "any@10"],
  ["mrr", "MRR"],
];

const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(3)}`;

export function markdownTable(result: SetResult): string {
  const shown = methods.filter((m) => result.summary[m]);
  const rows = ["overall", ...result.categories.filter((c) => (result.summary[shown[0]]?.[c]?.n ?? 0) > 0)];
  const header = ["category", "n", ...shown.flatMap((m) => metricColumns.map(([, label]) => `${m} ${label}`))];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const row of rows) {
    const n = result.summary[shown[0]]![row].n;
    const cells = shown.flatMap((m) => metricColumns.map(([key]) => result.summary[m]![row][key].toFixed(3)));
    lines.push(`| ${row} | ${n} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * R@10 per conversation, in load order (sets with more than one). The engine's behaviour can
 * depend on what else the workspace holds and on what was written last, and this shows it.
 */
export function conversationTable(result: SetResult): string | null {
  const names = [...new Set(result.questions.map((q) => q.conversation))];
  if (names.length < 2) return null;
  const shown = methods.filter((m) => result.summary[m]);
  const header = ["conversation (load order)", "n", ...shown.map((m) => `${m} R@10`), "hybrid − bm25"];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const name of names) {
    const questions = result.questions.filter((q) => q.conversation === name);
    const r10 = (m: Method) => summarize(questions.map((q) => scoreRanking(q.ranked[m] ?? [], q.evidence))).recallAt10;
    const delta = result.summary.hybrid && result.summary.bm25 ? signed(r10("hybrid") - r10("bm25")) : "-";
    lines.push(`| ${name} | ${questions.length} | ${shown.map((m) => r10(m).toFixed(3)).join(" | ")} | ${delta} |`);
  }
  return lines.join("\n");
}

export type Verdict = { met: boolean; overall: number; categories: Record<string, number>; line: string };

/** hybrid R@10 − bm25 R@10, overall and per category, against the goal. */
export function verdict(result: SetResult, a: Method = "hybrid", b: Method = "bm25"): Verdict {
  const sa = result.summary[a];
  const sb = result.summary[b];
  if (!sa || !sb) throw new Error(`eval: the verdict needs ${a} and ${b}`);
  const overall = sa.overall.recallAt10 - sb.overall.recallAt10;
  const categories: Record<string, number> = {};
  for (const c of result.categories) if (sa[c]?.n) categories[c] = sa[c].recallAt10 - sb[c].recallAt10;
  const okOverall = overall >= goal.overallMargin - 1e-12;
  const missed = Object.entries(categories).filter(([, d]) => d < goal.categoryMargin - 1e-12);
  const parts = [
    `overall ${signed(overall)} (goal ≥ +${goal.overallMargin.toFixed(2)}: ${okOverall ? "met" : "MISSED"})`,
    ...Object.entries(categories).map(([c, d]) => `${c} ${signed(d)} (goal ≥ 0: ${d >= goal.categoryMargin - 1e-12 ? "met" : "MISSED"})`),
  ];
  const met = okOverall && missed.length === 0;
  return { met, overall, categories, line: `verdict, ${a} R@10 − ${b} R@10: ${parts.join("; ")} => goal ${met ? "MET" : "NOT MET"}` };
}
