/** Batched synthetic memory import for the memory benchmarks (500 per transaction, built-in embedder). */
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { embeddingText, memoryIdPrefix } from "@/lib/memory/create-memory";
import { getEmbedder } from "@/lib/memory/embedder";
import { searchColumns } from "@/lib/memory/search/search-columns";
import { syntheticMemory } from "./synthetic-memories";

export async function bulkInsertMemories(
  db: Db,
  owner: { workspaceId: string; userId: string },
  from: number,
  to: number,
  type: "short_term" | "long_term",
  rand: () => number,
) {
  const batch = 500;
  for (let i = from; i < to; i += batch) {
    const items = Array.from({ length: Math.min(batch, to - i) }, (_, j) => syntheticMemory(i + j, rand));
    const vectors = await getEmbedder().embed(items.map((m) => embeddingText(m)));
    await db.transaction(async (tx) => {
      await tx.insert(memories).values(
        items.map((m, j) => ({
          id: newId(memoryIdPrefix),
          workspaceId: owner.workspaceId,
          ownerId: owner.userId,
          type,
          content: m.content,
          tags: m.tags,
          metadata: {},
          importance: Math.round(rand() * 100) / 100,
          embedding: vectors[j],
          ...searchColumns(m),
          source: "import" as const,
          privacy: "workspace" as const,
          expiresAt: type === "short_term" ? new Date(Date.now() + 7 * 86_400_000) : null,
        })),
      );
    });
  }
}
