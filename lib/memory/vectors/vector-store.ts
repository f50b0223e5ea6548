/**
 * Writing and dropping vectors of a space. The built-in space writes `memories.embedding`; an
 * external space upserts rows of its own table, created on first use with its DiskANN index
 * (the same settings as memories_vec_idx).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assertEmbeddingDim } from "../embedder";
import type { VectorSpace } from "./vector-space";

/**
 * The same DiskANN settings as memories_vec_idx (migration 0018: measured there). A space table
 * created before that keeps the settings it was created with until the space is replaced.
 */
export const vectorIndexOptions = "'metric=cosine', 'compress_neighbors=float1bit', 'max_neighbors=32', 'search_l=450'";

const vec = (v: number[]) => sql`vector32(${JSON.stringify(v)})`;

export async function ensureSpaceTable(db: DbOrTx, space: VectorSpace): Promise<void> {
  if (!space.table) return;
  await db.run(
    sql.raw(
      `CREATE TABLE IF NOT EXISTS ${space.table} (seq INTEGER PRIMARY KEY, workspace_id TEXT NOT NULL, embedding F32_BLOB(${space.dim}) NOT NULL)`,
    ),
  );
  await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS ${space.table}_ws ON ${space.table}(workspace_id)`));
  await db.run(sql.raw(`CREATE INDEX IF NOT EXISTS ${space.index} ON ${space.table}(libsql_vector_idx(embedding, ${vectorIndexOptions}))`));
  // A deleted memory, or one whose text changed, loses its vector here (the active space rewrites
  // it right after; a space being filled by a job re-embeds it). WHEN: SQLite fires UPDATE OF for
  // every column in the SET list, changed or not.
  await db.run(
    sql.raw(
      `CREATE TRIGGER IF NOT EXISTS ${space.table}_del AFTER DELETE ON memories BEGIN DELETE FROM ${space.table} WHERE seq = old.seq; END`,
    ),
  );
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS ${space.table}_upd AFTER UPDATE OF content, tags, category ON memories
      WHEN old.content IS NOT new.content OR old.tags IS NOT new.tags OR old.category IS NOT new.category
      BEGIN DELETE FROM ${space.table} WHERE seq = old.seq; END`),
  );
}

export async function writeVector(
  tx: DbOrTx,
  space: VectorSpace,
  row: { seq: number; workspaceId: string },
  vector: number[],
): Promise<void> {
  assertEmbeddingDim(vector, space.dim);
  if (!space.table) {
    await tx.run(sql`UPDATE memories SET embedding = ${vec(vector)} WHERE seq = ${row.seq}`);
    return;
  }
  await tx.run(sql`INSERT INTO ${sql.raw(space.table)} (seq, workspace_id, embedding) VALUES (${row.seq}, ${row.workspaceId}, ${vec(vector)})
    ON CONFLICT(seq) DO UPDATE SET embedding = excluded.embedding`);
}

/** The value for memories.embedding on insert/update: the vector in the built-in space, else NULL (not current). */
export const builtinColumnValue = (space: VectorSpace, vector: number[]): number[] | null => (space.table ? null : vector);

/** After the memory row is written: an external space stores the vector in its table. */
export async function storeExternalVector(
  tx: DbOrTx,
  space: VectorSpace,
  row: { seq: number; workspaceId: string },
  vector: number[],
): Promise<void> {
  if (space.table) await writeVector(tx, space, row, vector);
}

/** Forget one memory's vector in a space (it changed, or was deleted). Never a bare DELETE: see GOTCHAS.md. */
export async function dropVector(tx: DbOrTx, space: VectorSpace, seq: number): Promise<void> {
  if (space.table) await tx.run(sql`DELETE FROM ${sql.raw(space.table)} WHERE seq = ${seq}`);
}

const spaceTableName = /^memory_vectors_[0-9a-f]{16}$/;

/** Remove a workspace's rows from a space table; drop the table (and its index, triggers) when nobody uses it. */
async function releaseTable(db: DbOrTx, table: string, workspaceId: string): Promise<void> {
  await db.run(sql`DELETE FROM ${sql.raw(table)} WHERE workspace_id = ${workspaceId}`);
  const [{ n }] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.raw(table)}`);
  if (n > 0) return;
  for (const stmt of [
    `DROP TRIGGER IF EXISTS ${table}_del`,
    `DROP TRIGGER IF EXISTS ${table}_upd`,
    `DROP INDEX IF EXISTS ${table}_idx`,
    `DROP TABLE ${table}`,
  ])
    await db.run(sql.raw(stmt));
}

/**
 * A workspace's vectors in every space other than `keep` go: old spaces after a switch, and the
 * partial table of a job that was superseded or abandoned. The built-in column is cleared too
 * unless kept, so the shared index holds only vectors someone searches.
 */
export async function releaseUnusedSpaces(db: DbOrTx, workspaceId: string, keep: VectorSpace[]): Promise<void> {
  const kept = new Set(keep.map((s) => s.table).filter(Boolean));
  const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'memory_vectors_%'`);
  for (const { name } of tables) if (spaceTableName.test(name) && !kept.has(name)) await releaseTable(db, name, workspaceId);
  if (!keep.some((s) => s.table === null))
    await db.run(sql`UPDATE memories SET embedding = NULL WHERE workspace_id = ${workspaceId} AND embedding IS NOT NULL`);
}
