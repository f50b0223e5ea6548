/**
 * Memory suite (in-process, no HTTP server): N memories in one workspace (BENCH_MEMORY_COUNT,
 * default 100,000): insert rate (full createMemory path for the first BENCH_MEMORY_FULL_PATH,
 * default 2,000; batched import for the rest), hybrid top-10 search p50/p95 (DiskANN path), ANN
 * recall@10 against exact search (unfiltered, and under a narrow and a broad filter), compress
 * time for BENCH_MEMORY_COMPRESS (default 10,000) short-term memories in a second database, and
 * database file sizes.
 * BENCH_MEMORY_DB=<file>: reuse a database a previous run kept (BENCH_KEEP_DATA=1) and skip the
 * inserts. Search times are reported as wall time and as this process's CPU time per search
 * (libSQL runs on this thread), which stays meaningful when the machine is shared.
 * Writes bench/results/memory-<timestamp>.json and memory-latest.json.
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { createMemory } from "@/lib/memory/create-memory";
import { getEmbedder } from "@/lib/memory/embedder";
import { compressMemories } from "@/lib/memory/maintenance/compress-memories";
import { memoryFilterSql } from "@/lib/memory/filters/compile-memory-filter";
import { vectorCandidates } from "@/lib/memory/search/candidates";
import { searchMemories } from "@/lib/memory/search/search-memories";
import type { BenchContext } from "../lib/context";
import { memoryBenchDb, reopenMemoryBenchDb } from "../lib/memory-bench-db";
import { bulkInsertMemories } from "../lib/memory-bulk";
import { vectorSpaceOf } from "@/lib/memory/vectors/vector-space";
import { formatTable, writeResults } from "../lib/report";
import { seededRandom } from "@/lib/random/seeded-random";
import { syntheticMemory, syntheticQuery } from "../lib/synthetic-memories";

const builtin = vectorSpaceOf({ provider: "builtin" });

export const name = "memory";

const intEnv = (key: string, fallback: number) => {
  const v = Number(process.env[key]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const bulkInsert = (
  db: Parameters<typeof bulkInsertMemories>[0],
  actor: Parameters<typeof bulkInsertMemories>[1],
  from: number,
  to: number,
  type: "short_term" | "long_term",
  rand: () => number,
) => bulkInsertMemories(db, actor, from, to, type, rand);

export async function run(ctx: BenchContext): Promise<void> {
  const count = intEnv("BENCH_MEMORY_COUNT", 100_000);
  const fullPath = Math.min(count, intEnv("BENCH_MEMORY_FULL_PATH", 2_000));
  const compressCount = intEnv("BENCH_MEMORY_COMPRESS", 10_000);
  const rand = seededRandom(42);
  const rows: string[][] = [];
  const results: Record<string, unknown> = { count, fullPath, compressCount };

  const reuse = process.env.BENCH_MEMORY_DB;
  const main = reuse ? await reopenMemoryBenchDb(reuse) : await memoryBenchDb("bench-memory");
  let t = process.hrtime.bigint();
  if (reuse) {
    for (let i = 0; i < count; i++) syntheticMemory(i, rand); // same random stream as a fresh run
    rows.push(["insert", "", `skipped (reused ${reuse})`]);
  } else {
    for (let i = 0; i < fullPath; i++)
      await createMemory(main.db, main.actor, { ...syntheticMemory(i, rand), privacy: "workspace", type: "long_term" });
    const fullRate = fullPath / (ms(t) / 1000);
    t = process.hrtime.bigint();
    await bulkInsert(main.db, main.actor, fullPath, count, "long_term", rand);
    const bulkRate = (count - fullPath) / Math.max(ms(t) / 1000, 1e-9);
    rows.push(["insert (createMemory: history, audit, cache)", `${fullPath}`, `${fullRate.toFixed(0)} /s`]);
    rows.push(["insert (batched import, 500 per tx)", `${count - fullPath}`, `${bulkRate.toFixed(0)} /s`]);
    Object.assign(results, { insertPerSecFullPath: fullRate, insertPerSecBatched: bulkRate });
  }

  const queries = Array.from({ length: 200 }, () => syntheticQuery(rand));
  for (const q of queries.slice(0, 20)) await searchMemories(main.db, main.actor, { query: q, k: 10 }, { cache: false }); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const s = process.hrtime.bigint();
    const c = process.cpuUsage();
    await searchMemories(main.db, main.actor, { query: q, k: 10 }, { cache: false });
    const used = process.cpuUsage(c);
    times.push(ms(s));
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  for (const mode of ["vector", "keyword"] as const) {
    const part: number[] = [];
    const partCpu: number[] = [];
    for (const q of queries.slice(0, 100)) {
      const s = process.hrtime.bigint();
      const c = process.cpuUsage();
      await searchMemories(main.db, main.actor, { query: q, k: 10, mode }, { cache: false });
      const used = process.cpuUsage(c);
      part.push(ms(s));
      partCpu.push((used.user + used.system) / 1000);
    }
    part.sort((a, b) => a - b);
    partCpu.sort((a, b) => a - b);
    rows.push([
      `  ${mode}-only search top-10 p50 / p95 (wall; CPU)`,
      `${part.length}`,
      `${percentile(part, 50).toFixed(1)} / ${percentile(part, 95).toFixed(1)} ms; ${percentile(partCpu, 50).toFixed(1)} / ${percentile(partCpu, 95).toFixed(1)} ms`,
    ]);
    results[`${mode}SearchP95Ms`] = percentile(part, 95);
    results[`${mode}SearchCpuP95Ms`] = percentile(partCpu, 95);
  }
  let cachedAt = process.hrtime.bigint();
  await searchMemories(main.db, main.actor, { query: queries[0], k: 10 });
  cachedAt = process.hrtime.bigint();
  await searchMemories(main.db, main.actor, { query: queries[0], k: 10 });
  rows.push(["  repeated search served from cache", "1", `${ms(cachedAt).toFixed(2)} ms`]);
  rows.push([
    "hybrid search top-10 (uncached) p50 / p95",
    `${times.length}`,
    `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} ms`,
  ]);
  rows.push([
    "  same, CPU time of this process p50 / p95",
    `${cpu.length}`,
    `${percentile(cpu, 50).toFixed(1)} / ${percentile(cpu, 95).toFixed(1)} ms`,
  ]);
  Object.assign(results, {
    searchP50Ms: percentile(times, 50),
    searchP95Ms: percentile(times, 95),
    searchCpuP50Ms: percentile(cpu, 50),
    searchCpuP95Ms: percentile(cpu, 95),
    loadAverage: (await import("node:os")).loadavg(),
  });

  const where = memoryFilterSql(main.actor, {});
  let overlap = 0;
  const recallQueries = queries.slice(0, 100);
  for (const q of recallQueries) {
    const [v] = await getEmbedder().embed([q]);
    const exact = new Set(await vectorCandidates(main.db, builtin, main.actor.workspaceId, where, v, 10, "exact"));
    const ann = await vectorCandidates(main.db, builtin, main.actor.workspaceId, where, v, 10, "ann");
    overlap += ann.filter((s) => exact.has(s)).length / Math.max(exact.size, 1);
  }
  const recall = overlap / recallQueries.length;
  rows.push(["ANN recall@10 vs exact (DiskANN, memories_vec_idx)", `${recallQueries.length}`, recall.toFixed(3)]);
  // The same under filters: a narrow one (one topic tag, a few % pass: the exact scan of those) and
  // a broad one (all but that topic: the index with over-fetch and refill), each against the exact
  // scan of the filtered rows, with its time.
  const topic = syntheticMemory(0, seededRandom(42)).tags[0];
  const filters = { narrow: { tags: [topic] }, broad: { filter: { not: { tag: topic } } } };
  for (const [label, f] of Object.entries(filters)) {
    const filtered = memoryFilterSql(main.actor, f);
    let filteredOverlap = 0;
    const filteredTimes: number[] = [];
    for (const q of recallQueries) {
      const [v] = await getEmbedder().embed([q]);
      const exact = new Set(await vectorCandidates(main.db, builtin, main.actor.workspaceId, filtered, v, 10, "exact"));
      const s = process.hrtime.bigint();
      const auto = await vectorCandidates(main.db, builtin, main.actor.workspaceId, filtered, v, 10, "auto");
      filteredTimes.push(ms(s));
      filteredOverlap += auto.filter((x) => exact.has(x)).length / Math.max(exact.size, 1);
    }
    filteredTimes.sort((a, b) => a - b);
    const filteredRecall = filteredOverlap / recallQueries.length;
    const [{ share }] = await main.db.all<{ share: number }>(
      sql`SELECT avg(CASE WHEN ${filtered} THEN 1.0 ELSE 0 END) AS share FROM memories WHERE workspace_id = ${main.actor.workspaceId}`,
    );
    rows.push([
      `${label}-filtered vector top-10 (${(share * 100).toFixed(1)}% pass): recall vs exact; p95`,
      `${recallQueries.length}`,
      `${filteredRecall.toFixed(3)}; ${percentile(filteredTimes, 95).toFixed(1)} ms`,
    ]);
    results[`${label}FilteredRecallAt10`] = filteredRecall;
    results[`${label}FilteredShare`] = share;
    results[`${label}FilteredVectorP95Ms`] = percentile(filteredTimes, 95);
  }
  await main.db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  const mainBytes = fs.statSync(main.file).size;
  rows.push([`database file size at ${count} memories (after checkpoint)`, "", `${(mainBytes / 1024 / 1024).toFixed(1)} MiB`]);
  const perTable = await main.db
    .all<{ name: string; bytes: number }>(sql`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 4`)
    .catch(() => []);
  for (const t of perTable) rows.push([`  of which ${t.name}`, "", `${(t.bytes / 1024 / 1024).toFixed(1)} MiB`]);
  Object.assign(results, { annRecallAt10: recall, dbBytes: mainBytes });

  const second = await memoryBenchDb("bench-compress");
  await bulkInsert(second.db, second.actor, 0, compressCount, "short_term", seededRandom(7));
  t = process.hrtime.bigint();
  const run = await compressMemories(second.db, second.actor, { scope: "mine" });
  const compressMs = ms(t);
  rows.push([`compress ${compressCount} short-term`, `${run.merged} -> ${run.clusters}`, `${(compressMs / 1000).toFixed(1)} s`]);
  Object.assign(results, { compressMs, compressClusters: run.clusters, compressMerged: run.merged });

  console.log(formatTable([{ title: "measure", align: "left" }, { title: "n" }, { title: "result" }], rows));
  console.log(
    `targets: search p95 <= 30 ms at 100k (${(results.searchP95Ms as number) <= 30 ? "met" : "NOT met"}), ANN recall@10 >= 0.9 (${recall >= 0.9 ? "met" : "NOT met"})`,
  );
  const file = writeResults(ctx, "memory", results);
  console.log(`results: ${file}`);
  for (const d of [reuse ? null : main.dir, second.dir])
    if (d && !process.env.BENCH_KEEP_DATA) fs.rmSync(d, { recursive: true, force: true });
}
