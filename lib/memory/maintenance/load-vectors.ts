/** Reads memory vectors as Float32Arrays straight from the F32_BLOB bytes (no JSON round trip). */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type VectorRow = { seq: number; vector: Float32Array };

export function toFloat32(value: unknown): Float32Array {
  if (value instanceof ArrayBuffer) return new Float32Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Float32Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  return new Float32Array(0);
}

export async function loadVectors(db: DbOrTx, where: SQL): Promise<VectorRow[]> {
  const rows = await db.all<{ seq: number; embedding: unknown }>(sql`SELECT seq, embedding FROM memories WHERE ${where} AND embedding IS NOT NULL`);
  return rows.map((r) => ({ seq: r.seq, vector: toFloat32(r.embedding) }));
}
