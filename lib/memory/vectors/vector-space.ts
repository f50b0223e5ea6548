/**
 * Where a workspace's memory vectors live. The built-in space is the `memories.embedding` column
 * (F32_BLOB(384)) with `memories_vec_idx`. An external (OpenAI-compatible) space gets its own table
 * `memory_vectors_<key>` (seq = memories.seq as its rowid, F32_BLOB(dim)) with its own DiskANN
 * index, because one F32_BLOB column has one dimension: padding smaller vectors with zeros would
 * keep cosine exact, but then every model would pay the largest dimension in storage and index
 * work, and a model change of equal dimension would still mix two vector spaces in one column.
 * One table per space keeps the old vectors serving search while a re-embedding job fills the new
 * one, and the switch is a single settings update.
 */
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { memoryEmbeddingDim, type EmbeddingSpaceSpec } from "@/db/schema";

export type VectorSpace = {
  /** "builtin" or a short hash of provider, base URL, model and dimension. */
  key: string;
  dim: number;
  /** Name of the DiskANN index for vector_top_k. */
  index: string;
  /** SQL naming the vector of `memories` (the current row), given `join` is in the FROM clause. */
  column: SQL;
  /** Joins the space's table to `memories` (LEFT: rows not embedded yet still appear, vector NULL). */
  join: SQL;
  table: string | null;
};

export const builtinSpec: EmbeddingSpaceSpec = { provider: "builtin" };

export function spaceKey(spec: EmbeddingSpaceSpec): string {
  if (spec.provider === "builtin") return "builtin";
  return createHash("sha256")
    .update(JSON.stringify([spec.provider, spec.baseUrl.replace(/\/+$/, ""), spec.model, spec.dim]))
    .digest("hex")
    .slice(0, 16);
}

export function sameSpace(a: EmbeddingSpaceSpec, b: EmbeddingSpaceSpec): boolean {
  return spaceKey(a) === spaceKey(b);
}

export function vectorSpaceOf(spec: EmbeddingSpaceSpec): VectorSpace {
  if (spec.provider === "builtin") {
    return {
      key: "builtin",
      dim: memoryEmbeddingDim,
      index: "memories_vec_idx",
      column: sql`memories.embedding`,
      join: sql``,
      table: null,
    };
  }
  const key = spaceKey(spec);
  // The key is hex, so the identifiers below are safe to inline.
  const table = `memory_vectors_${key}`;
  return {
    key,
    dim: spec.dim,
    index: `${table}_idx`,
    column: sql.raw(`${table}.embedding`),
    join: sql.raw(`LEFT JOIN ${table} ON ${table}.seq = memories.seq`),
    table,
  };
}
