/**
 * Embeds the memories of a workspace that have no vector in a space yet, one batch at a time:
 * read the batch, call the embedder outside any transaction, then write the vectors in one
 * transaction, skipping a memory edited in between (it is still missing, so the next batch takes
 * it again). Used by the re-embedding job, and after an undo restores memories.
 *
 * The writes go in transactions of about one time slice (each vector also updates a DiskANN
 * index), with a turn of the event loop between them (lib/background/time-slice.ts), so a batch
 * never holds the serialized database or the event loop for long.
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { embeddingText } from "../create-memory";
import { createTimeSlice, defaultSliceMs, type TimeSlice } from "@/lib/background/time-slice";
import type { ActiveSpace } from "./active-space";
import { ensureSpaceTable, writeVector } from "./vector-store";
import type { VectorSpace } from "./vector-space";

type MissingRow = { seq: number; content: string; category: string | null; tags: string; updated_at: number };

function missingWhere(space: VectorSpace, workspaceId: string) {
  return space.table
    ? sql`FROM memories LEFT JOIN ${sql.raw(space.table)} AS v ON v.seq = memories.seq WHERE memories.workspace_id = ${workspaceId} AND v.seq IS NULL`
    : sql`FROM memories WHERE memories.workspace_id = ${workspaceId} AND memories.embedding IS NULL`;
}

export async function countMissingVectors(db: DbOrTx, space: VectorSpace, workspaceId: string): Promise<number> {
  const [{ n }] = await db.all<{ n: number }>(sql`SELECT count(*) AS n ${missingWhere(space, workspaceId)}`);
  return n;
}

/** Embeds up to `limit` missing memories; returns how many vectors were written. Throws on provider failure (nothing written). */
export async function fillMissingVectors(
  db: Db,
  target: ActiveSpace,
  workspaceId: string,
  limit: number,
  slice: TimeSlice = createTimeSlice(),
): Promise<number> {
  await ensureSpaceTable(db, target.space);
  const rows = await db.all<MissingRow>(sql`
    SELECT memories.seq AS seq, memories.content AS content, memories.category AS category, memories.tags AS tags, memories.updated_at AS updated_at
    ${missingWhere(target.space, workspaceId)} ORDER BY memories.seq LIMIT ${limit}`);
  if (rows.length === 0) return 0;
  const vectors = await target.embedder.embed(
    rows.map((r) => embeddingText({ content: r.content, category: r.category, tags: JSON.parse(r.tags) as string[] })),
  );
  let written = 0;
  for (let next = 0; next < rows.length; ) {
    await slice.pause();
    const from = next;
    const done = await db.transaction(async (tx) => {
      const started = performance.now();
      let i = from;
      let n = 0;
      for (; i < rows.length && (i === from || performance.now() - started < defaultSliceMs); i++) {
        const r = rows[i];
        const [now] = await tx.all<{ updated_at: number }>(sql`SELECT updated_at FROM memories WHERE seq = ${r.seq}`);
        if (!now || now.updated_at !== r.updated_at) continue;
        await writeVector(tx, target.space, { seq: r.seq, workspaceId }, vectors[i]);
        n++;
      }
      return { i, n };
    });
    next = done.i;
    written += done.n;
  }
  return written;
}
