/**
 * Brings memories indexed by an older text analysis up to `memoryIndexVersion`: their search
 * terms (memories_fts follows by trigger) and, where the memory is in the built-in vector space,
 * its built-in vector (the hashing embedder reads the same terms). A provider's vectors are left
 * alone: they do not depend on our analysis. `updated_at` is not touched: nothing the user wrote
 * changed. Runs at start-up (scripts/prepare-data.ts), in batches of one transaction each.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getEmbedder } from "../embedder";
import { embeddingText } from "../create-memory";
import { memoryIndexVersion, searchColumns } from "./search-columns";

type StaleRow = { seq: number; content: string; category: string | null; tags: string; builtin: number };

export async function reindexStaleMemories(db: Db, options: { batch?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const batch = options.batch ?? 500;
  let done = 0;
  for (;;) {
    const rows = await db.all<StaleRow>(sql`
      SELECT seq, content, category, tags, embedding IS NOT NULL AS builtin FROM memories
      WHERE index_version < ${memoryIndexVersion} ORDER BY seq LIMIT ${batch}`);
    if (rows.length === 0) return done;
    const parsed = rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
    const vectors = await getEmbedder().embed(parsed.map((r) => embeddingText(r)));
    await db.transaction(async (tx) => {
      for (const [i, r] of parsed.entries()) {
        const columns = searchColumns(r);
        const embedding = r.builtin ? sql`vector32(${JSON.stringify(vectors[i])})` : sql`embedding`;
        await tx.run(sql`
          UPDATE memories SET search_terms = ${columns.searchTerms}, search_tags = ${columns.searchTags},
            index_version = ${columns.indexVersion}, embedding = ${embedding}
          WHERE seq = ${r.seq}`);
      }
    });
    done += rows.length;
    options.onProgress?.(done);
  }
}
