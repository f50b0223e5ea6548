/** Reads memory vectors as Float32Arrays straight from the F32_BLOB bytes (no JSON round trip). */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { VectorSpace } from "../vectors/vector-space";

export type VectorRow = { seq: number; vector: Float32Array };

export function toFloat32(value: unknown): Float32Array {
  if (value instanceof ArrayBuffer) return new Float32Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Float32Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  return new Float32Array(0);
}

export async function loadVectors(db: DbOrTx, space: VectorSpace, where: SQL): Promise<VectorRow[]> {
  const rows = await db.all<{ seq: number; embedding: unknown }>(
    sql`SELECT memories.seq AS seq, ${space.column} AS embedding FROM memories ${space.join} WHERE ${where} AND ${space.column} IS NOT NULL`,
  );
  return rows.map((r) => ({ seq: r.seq, vector: toFloat32(r.embedding) }));
}
