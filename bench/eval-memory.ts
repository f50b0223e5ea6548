/**
 * `npm run eval:memory`: retrieval quality of memory search on a test set written for this
 * project (bench/data/memory-eval-set.ts: Chinese and English, paraphrases and typos). Reports
 * recall@5, recall@10 and MRR for keyword-only (FTS5 bm25), vector-only (hashing embedder) and
 * hybrid (lib/memory/search/ranking.ts), overall and per query kind. Writes
 * bench/results/memory-eval-latest.json.
 */
import fs from "node:fs";
import path from "node:path";
import { createMemory } from "@/lib/memory/create-memory";
import { searchMemories } from "@/lib/memory/search/search-memories";
import type { RankingMode } from "@/lib/memory/search/ranking";
import { memoryEvalDistractors, memoryEvalSet } from "./data/memory-eval-set";
import { memoryBenchDb } from "./lib/memory-bench-db";

const kinds = ["close", "paraphrase", "typo"] as const;
type Tally = { n: number; r5: number; r10: number; rr: number };
const empty = (): Tally => ({ n: 0, r5: 0, r10: 0, rr: 0 });

async function main() {
  const { db, actor, dir } = await memoryBenchDb("eval");
  const ids: string[] = [];
  for (const item of memoryEvalSet)
    ids.push((await createMemory(db, actor, { content: item.content, tags: item.tags, privacy: "workspace" })).id);
  for (const content of memoryEvalDistractors) await createMemory(db, actor, { content, privacy: "workspace" });

  const modes: RankingMode[] = ["keyword", "vector", "hybrid"];
  const results: Record<string, Record<string, Tally>> = {};
  for (const mode of modes) {
    results[mode] = { all: empty(), zh: empty(), en: empty(), close: empty(), paraphrase: empty(), typo: empty() };
    for (const [i, item] of memoryEvalSet.entries()) {
      for (const [q, query] of item.queries.entries()) {
        const { hits } = await searchMemories(db, actor, { query, k: 10, mode }, { cache: false });
        const rank = hits.findIndex((h) => h.memory.id === ids[i]) + 1;
        const lang = /[\u4e00-\u9fff]/.test(item.content) ? "zh" : "en";
        for (const key of ["all", lang, kinds[q]]) {
          const t = results[mode][key];
          t.n += 1;
          if (rank > 0 && rank <= 5) t.r5 += 1;
          if (rank > 0) t.r10 += 1;
          if (rank > 0) t.rr += 1 / rank;
        }
      }
    }
  }

  const fmt = (x: number) => x.toFixed(3);
  const rows = Object.keys(results.hybrid).map((key) => ({ key, cells: modes.map((m) => results[m][key]) }));
  console.log(
    `memory eval: ${memoryEvalSet.length} memories + ${memoryEvalDistractors.length} distractors, ${results.hybrid.all.n} queries\n`,
  );
  console.log(`| slice | n | ${modes.map((m) => `${m} R@5 | ${m} R@10 | ${m} MRR`).join(" | ")} |`);
  console.log(`|---|---|${modes.map(() => "---|---|---").join("|")}|`);
  for (const { key, cells } of rows) {
    console.log(
      `| ${key} | ${cells[0].n} | ${cells.map((t) => `${fmt(t.r5 / t.n)} | ${fmt(t.r10 / t.n)} | ${fmt(t.rr / t.n)}`).join(" | ")} |`,
    );
  }
  const summary = Object.fromEntries(
    modes.map((m) => {
      const t = results[m].all;
      return [m, { recallAt5: t.r5 / t.n, recallAt10: t.r10 / t.n, mrr: t.rr / t.n }];
    }),
  );
  const beats = (["recallAt5", "recallAt10", "mrr"] as const).every(
    (k) => summary.hybrid[k] >= summary.keyword[k] && summary.hybrid[k] >= summary.vector[k],
  );
  console.log(`\nhybrid beats keyword-only and vector-only on every metric: ${beats ? "yes" : "NO"}`);
  const out = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, "memory-eval-latest.json"),
    JSON.stringify(
      { at: new Date().toISOString(), queries: results.hybrid.all.n, summary, slices: results, hybridBeatsBoth: beats },
      null,
      2,
    ),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return beats ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
