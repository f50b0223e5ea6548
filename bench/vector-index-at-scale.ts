/**
 * DiskANN settings at full size: copies the vectors of a kept memory bench database (SRC, from
 * `BENCH_KEEP_DATA=1 npm run bench -- memory`) into a scratch table with the index
 * CFG=compress:max_neighbors[:insert_l[:alpha]], then reports recall@10 (2x fetch and exact re-rank,
 * as search does) and the CPU time of vector_top_k(k=100) for each search_l in LS. search_l only
 * steers queries, so it is varied by rewriting the index's stored parameters (libSQL keeps them as
 * 1-byte tag + 8-byte value pairs; tag 9 is search_l) instead of rebuilding. Migration 0018 quotes it:
 * `SRC=/tmp/.../bench.db CFG=float1bit:32 LS=300,400,500 npx tsx bench/vector-index-at-scale.ts`.
 * The scratch database (/tmp/vector-index-<cfg>.db) is kept, so a second run only measures.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import { getEmbedder } from "@/lib/memory/embedder";
import { fileCacheKiB, fileMmapBytes } from "@/db/client";
import { seededRandom } from "@/lib/random/seeded-random";
import { syntheticMemory, syntheticQuery } from "./lib/synthetic-memories";

const [compress, neighbors, insertL, alpha] = (process.env.CFG ?? "float1bit:32").split(":");
const file = path.join(os.tmpdir(), `vector-index-${compress}-${neighbors}-${insertL || "d"}-${alpha || "d"}.db`);
const cpuMs = (f: () => void) => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main() {
  const fresh = !fs.existsSync(file);
  const db = new Database(file);
  db.exec(`PRAGMA cache_size = -${fileCacheKiB}; PRAGMA mmap_size = ${fileMmapBytes};`);
  let buildS = 0;
  if (fresh) {
    if (!process.env.SRC) throw new Error("SRC=<kept bench database> is needed to build the index");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec(`ATTACH '${process.env.SRC.replace(/'/g, "''")}' AS src`);
    db.exec("CREATE TABLE v (seq INTEGER PRIMARY KEY, embedding F32_BLOB(384))");
    const options = [
      `'metric=cosine'`,
      `'compress_neighbors=${compress}'`,
      `'max_neighbors=${Number(neighbors)}'`,
      insertL ? `'insert_l=${Number(insertL)}'` : "",
      alpha ? `'alpha=${Number(alpha)}'` : "",
    ].filter(Boolean);
    db.exec(`CREATE INDEX v_idx ON v(libsql_vector_idx(embedding, ${options.join(", ")}))`);
    const started = performance.now();
    const { lo, hi } = db.prepare("SELECT min(seq) AS lo, max(seq) AS hi FROM src.memories").get() as { lo: number; hi: number };
    for (let s = lo; s <= hi; s += 1000)
      db.exec(
        `BEGIN; INSERT INTO v SELECT seq, embedding FROM src.memories WHERE seq >= ${s} AND seq < ${s + 1000} AND embedding IS NOT NULL; COMMIT;`,
      );
    buildS = (performance.now() - started) / 1000;
    db.exec("DETACH src");
  }
  // The same queries as the memory suite (same seeded stream after the same 100k memories).
  const rand = seededRandom(42);
  for (let i = 0; i < 100_000; i++) syntheticMemory(i, rand);
  const vectors = (await getEmbedder().embed(Array.from({ length: 200 }, () => syntheticQuery(rand)))).map((v) => JSON.stringify(v));
  const exact = db.prepare("SELECT seq FROM v ORDER BY vector_distance_cos(embedding, vector32(?)) LIMIT 10");
  const truth = vectors.slice(0, 100).map((v) => new Set((exact.all(v) as { seq: number }[]).map((r) => r.seq)));
  const stored = (db.prepare("SELECT hex(metadata) AS h FROM libsql_vector_meta_shadow WHERE name = 'v_idx'").get() as { h: string }).h;
  const { bytes } = db.prepare("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'v_idx_shadow%'").get() as { bytes: number };
  const setSearchL = (l: number) => {
    const value = Buffer.alloc(8);
    value.writeBigUInt64LE(BigInt(l));
    const pairs = stored.match(/.{18}/g)!.filter((p) => !p.startsWith("09"));
    pairs.push(`09${value.toString("hex").toUpperCase()}`);
    db.prepare("UPDATE libsql_vector_meta_shadow SET metadata = unhex(?) WHERE name = 'v_idx'").run(pairs.join(""));
  };
  try {
    for (const l of (process.env.LS ?? "300,400,500,600").split(",").map(Number)) {
      setSearchL(l);
      const ann = db.prepare(
        "SELECT m.seq AS seq FROM vector_top_k('v_idx', vector32(?1), 20) AS k JOIN v m ON m.seq = k.id ORDER BY vector_distance_cos(m.embedding, vector32(?1)) LIMIT 10",
      );
      let overlap = 0;
      vectors
        .slice(0, 100)
        .forEach((v, i) => (overlap += (ann.all(v) as { seq: number }[]).filter((r) => truth[i].has(r.seq)).length / 10));
      const topk = db.prepare("SELECT id FROM vector_top_k('v_idx', vector32(?), 100)");
      for (const v of vectors.slice(0, 10)) topk.all(v);
      const times = vectors.map((v) => cpuMs(() => topk.all(v)));
      console.log(
        JSON.stringify({
          compress,
          neighbors: Number(neighbors),
          insertL: Number(insertL || 70),
          alpha: Number(alpha || 1.2),
          buildS: Math.round(buildS),
          indexMiB: +(bytes / 1048576).toFixed(1),
          searchL: l,
          recallAt10: +(overlap / 100).toFixed(3),
          topkCpuP50Ms: +pct(times, 50).toFixed(2),
          topkCpuP95Ms: +pct(times, 95).toFixed(2),
        }),
      );
    }
  } finally {
    db.prepare("UPDATE libsql_vector_meta_shadow SET metadata = unhex(?) WHERE name = 'v_idx'").run(stored);
  }
}
main();
