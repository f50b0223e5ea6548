/** Recall@10 (ANN vs exact, raw and with 2x fetch + exact re-rank), index size and timings per DiskANN setting, on N synthetic memories: `N=20000 CONFIGS=float8:20,float1bit:20,float1bit:20:600 npx tsx bench/vector-index-configs.ts` (compress:max_neighbors[:search_l]). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { createHashingEmbedder } from "@/lib/memory/embedder/hashing-embedder";
import { seededRandom } from "@/lib/random/seeded-random";
import { syntheticMemory, syntheticQuery } from "./lib/synthetic-memories";
import { embeddingText } from "@/lib/memory/create-memory";

const N = Number(process.env.N ?? 20_000);
const configs = (process.env.CONFIGS ?? "float8:20,float1bit:20,float8:10,float1bit:32").split(",").map((c) => c.split(":"));
async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ann-cfg-"));
  const db = createDb(`file:${path.join(dir, "a.db")}`);
  await db.run(sql`PRAGMA journal_mode = WAL`);
  const emb = createHashingEmbedder(384);
  const rand = seededRandom(42);
  const texts = Array.from({ length: N }, (_, i) => embeddingText(syntheticMemory(i, rand)));
  const vectors = await emb.embed(texts);
  const queries = await emb.embed(Array.from({ length: 100 }, () => syntheticQuery(rand)));
  for (const [compress, neighbors, searchL] of configs) {
    const t = `v_${compress}_${neighbors}_${searchL ?? "d"}`;
    await db.run(sql.raw(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, e F32_BLOB(384))`));
    await db.run(
      sql.raw(
        `CREATE INDEX ${t}_idx ON ${t}(libsql_vector_idx(e, 'metric=cosine', 'compress_neighbors=${compress}', 'max_neighbors=${neighbors}'${searchL ? `, 'search_l=${searchL}'` : ""}))`,
      ),
    );
    const started = performance.now();
    for (let i = 0; i < N; i += 500) {
      await db.transaction(async (tx) => {
        for (let j = i; j < Math.min(N, i + 500); j++)
          await tx.run(sql`INSERT INTO ${sql.raw(t)} (id, e) VALUES (${j + 1}, vector32(${JSON.stringify(vectors[j])}))`);
      });
    }
    const insertS = (performance.now() - started) / 1000;
    let overlap = 0;
    let overlap2x = 0;
    const annMs: number[] = [];
    for (const q of queries) {
      const v = JSON.stringify(q);
      const exact = await db.all<{ id: number }>(
        sql`SELECT id FROM ${sql.raw(t)} ORDER BY vector_distance_cos(e, vector32(${v})) LIMIT 10`,
      );
      const s = performance.now();
      const ann = await db.all<{ id: number }>(sql`SELECT id FROM vector_top_k(${`${t}_idx`}, vector32(${v}), 10)`);
      annMs.push(performance.now() - s);
      const ex = new Set(exact.map((r) => r.id));
      overlap += ann.filter((r) => ex.has(r.id)).length / 10;
      const ann2 = await db.all<{ id: number }>(
        sql`SELECT t.id AS id FROM vector_top_k(${`${t}_idx`}, vector32(${v}), 20) AS k JOIN ${sql.raw(t)} AS t ON t.id = k.id ORDER BY vector_distance_cos(t.e, vector32(${v})) LIMIT 10`,
      );
      overlap2x += ann2.filter((r) => ex.has(r.id)).length / 10;
    }
    annMs.sort((a, b) => a - b);
    const [{ bytes }] = await db.all<{ bytes: number }>(sql`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name = ${`${t}_idx_shadow`}`);
    console.log(
      JSON.stringify({
        compress,
        neighbors,
        searchL,
        n: N,
        recallAt10: overlap / queries.length,
        recallAt10Fetch20Reranked: overlap2x / queries.length,
        indexMiB: +(bytes / 1048576).toFixed(1),
        perRowKiB: +(bytes / N / 1024).toFixed(2),
        insertS: +insertS.toFixed(1),
        annP50Ms: +annMs[49].toFixed(2),
        annP95Ms: +annMs[94].toFixed(2),
      }),
    );
    await db.run(sql.raw(`DROP INDEX ${t}_idx`));
    await db.run(sql.raw(`DROP TABLE ${t}`));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
main();
