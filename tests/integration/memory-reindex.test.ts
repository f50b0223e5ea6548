/** Memories indexed by an older analysis are brought up to date at start-up without touching what the user wrote. */
import { memoryFilterSql } from "@/lib/memory/filters/compile-memory-filter";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { memories } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { createMemory } from "@/lib/memory/create-memory";
import { getEmbedder } from "@/lib/memory/embedder";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { keywordCandidates } from "@/lib/memory/search/candidates";
import { reindexStaleMemories } from "@/lib/memory/search/reindex-memories";
import { memoryIndexVersion } from "@/lib/memory/search/search-columns";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("re-indexing memories of an older analysis", () => {
  let db: Db;
  let actor: MemoryActor;
  const legacy = (content: string, embedding: number[] | null) => ({
    id: newId("mry"),
    workspaceId: actor.workspaceId,
    ownerId: actor.userId,
    type: "long_term" as const,
    content,
    tags: ["封面"],
    metadata: {},
    privacy: "workspace" as const,
    embedding,
    updatedAt: new Date("2026-01-02T03:04:05Z"),
  });

  beforeAll(async () => {
    db = await migratedDb();
    actor = actorOf((await setUpWorkspace(db)).admin);
  });

  it("indexes their terms, re-embeds built-in vectors, leaves a provider's memories without one, and keeps updated_at", async () => {
    const old = new Array(384).fill(0).map((_, i) => (i === 0 ? 1 : 0));
    const builtin = legacy("Covers with a big title researched best in March", old);
    const external = legacy("Covers researched by the provider space", null);
    await db.insert(memories).values([builtin, external]);
    const where = memoryFilterSql(actor, {});
    expect((await keywordCandidates(db, where, "cover research", 10)).size).toBe(0);

    const progress: number[] = [];
    expect(await reindexStaleMemories(db, { batch: 1, onProgress: (n) => progress.push(n) })).toBe(2);
    expect(progress).toEqual([1, 2]);

    expect((await keywordCandidates(db, where, "cover research", 10)).size).toBe(2);
    const rows = await db
      .select({ id: memories.id, version: memories.indexVersion, updatedAt: memories.updatedAt, embedding: memories.embedding })
      .from(memories)
      .where(sql`${memories.id} IN (${builtin.id}, ${external.id})`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const [expected] = await getEmbedder().embed([`${builtin.content}  封面`]);
    const got = byId.get(builtin.id)!.embedding!;
    expect(got.reduce((s, x, i) => s + x * expected[i], 0)).toBeCloseTo(1, 5);
    expect(byId.get(external.id)!.embedding).toBeNull();
    for (const r of rows) {
      expect(r.version).toBe(memoryIndexVersion);
      expect(r.updatedAt.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    }
    expect(await reindexStaleMemories(db)).toBe(0);
  });

  it("finds nothing to do for memories written now", async () => {
    const { id } = await createMemory(db, actor, { content: "小红书封面用大字标题" });
    const [row] = await db.select({ version: memories.indexVersion }).from(memories).where(eq(memories.id, id));
    expect(row.version).toBe(memoryIndexVersion);
    expect(await reindexStaleMemories(db)).toBe(0);
  });
});
