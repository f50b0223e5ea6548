/**
 * Compression: per owner and privacy (a merge must never mix one person's private notes into a
 * shared memory), cluster the active short-term memories by cosine >= the owner's threshold and
 * merge each cluster into one long-term memory (extractive merge). Members stay as hidden rows
 * with `compressed_into` set, so the lineage is visible and the run can be undone from history.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { embeddingText, memoryIdPrefix } from "../create-memory";
import { embedOne } from "../embedder";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { memoryColumns, toSnapshot, type MemoryRow } from "../memory-view";
import { recordMemoryHistory } from "../record-memory-history";
import { loadVectors } from "./load-vectors";
import { mergeCluster } from "./merge-cluster";
import { ownersInScope, type RunScope } from "./owners-in-scope";
import { exactNeighbours, planClusters, type ClusterItem } from "./plan-clusters";

export type CompressResult = { batchId: string; clusters: number; merged: number; created: string[]; dryRun: boolean };

const exactUpTo = 1_500;

async function annNeighbours(db: DbOrTx, item: ClusterItem): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM vector_top_k('memories_vec_idx', vector32(${JSON.stringify(Array.from(item.vector))}), 40)`);
  return rows.map((r) => r.id);
}

/** Plans clusters for one owner+privacy group: exact pairs when small, the DiskANN index when large. */
export async function clustersFor(db: DbOrTx, items: ClusterItem[], threshold: number): Promise<number[][]> {
  if (items.length <= exactUpTo) return planClusters(items, threshold, exactNeighbours(items, threshold));
  return planClusters(items, threshold, (item) => annNeighbours(db, item));
}

export async function compressMemories(db: Db, actor: MemoryActor, options: { scope: RunScope; dryRun?: boolean; scheduled?: boolean }): Promise<CompressResult> {
  const batchId = newId("run");
  const result = await db.transaction(async (tx) => {
    const owners = await ownersInScope(tx, actor, options.scope, options.scheduled ? "autoCompress" : undefined);
    let clusters = 0;
    let merged = 0;
    const created: string[] = [];
    for (const { ownerId, config } of owners) {
      for (const privacy of ["private", "workspace"] as const) {
        const where = and(eq(memories.workspaceId, actor.workspaceId), eq(memories.ownerId, ownerId), eq(memories.privacy, privacy), eq(memories.type, "short_term"), isNull(memories.compressedInto))!;
        const rows = await tx.select(memoryColumns).from(memories).where(where);
        if (rows.length < 2) continue;
        const vectors = new Map((await loadVectors(tx, where)).map((v) => [v.seq, v.vector]));
        const items = rows.filter((r) => vectors.has(r.seq)).map((r) => ({ seq: r.seq, importance: r.importance, vector: vectors.get(r.seq)! }));
        const plan = await clustersFor(tx, items, config.compressionThreshold);
        clusters += plan.length;
        merged += plan.reduce((s, c) => s + c.length, 0);
        if (options.dryRun) continue;
        const bySeq = new Map(rows.map((r) => [r.seq, r]));
        for (const seqs of plan) created.push(await mergeOne(tx, actor, seqs.map((s) => bySeq.get(s)!), vectors, batchId));
      }
    }
    if (!options.dryRun && clusters > 0) {
      await recordAudit(tx, actor, { action: "memories.compress", targetType: "memory_run", targetId: batchId, after: { scope: options.scope, clusters, merged } });
    }
    return { clusters, merged, created };
  });
  if (!options.dryRun && result.clusters > 0) await invalidateMemoryReads(actor.workspaceId);
  return { batchId, dryRun: Boolean(options.dryRun), ...result };
}

async function mergeOne(tx: DbOrTx, actor: MemoryActor, members: MemoryRow[], vectors: Map<number, Float32Array>, batchId: string): Promise<string> {
  const m = mergeCluster(members.map((r) => ({ ...r, vector: vectors.get(r.seq)! })));
  const id = newId(memoryIdPrefix);
  const [created] = await tx
    .insert(memories)
    .values({
      id,
      workspaceId: actor.workspaceId,
      ownerId: members[0].ownerId,
      type: "long_term",
      content: m.content,
      category: m.category,
      tags: m.tags,
      metadata: { compressedFrom: members.map((r) => r.id) },
      importance: m.importance,
      accessCount: m.accessCount,
      embedding: await embedOne(embeddingText(m)),
      source: "compression",
      privacy: members[0].privacy,
    })
    .returning(memoryColumns);
  await tx.update(memories).set({ compressedInto: id }).where(inArray(memories.seq, members.map((r) => r.seq)));
  await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: id, actorId: actor.userId, action: "compress", next: toSnapshot(created), batchId });
  for (const r of members) {
    await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: r.id, actorId: actor.userId, action: "compress", previous: toSnapshot(r), next: { ...toSnapshot(r), compressedInto: id }, batchId });
  }
  return id;
}
