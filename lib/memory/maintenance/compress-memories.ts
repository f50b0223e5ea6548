/**
 * Compression: per owner and privacy (a merge must never mix one person's private notes into a
 * shared memory), cluster the active short-term memories by cosine >= the owner's threshold and
 * merge each cluster into one long-term memory: summarised by the workspace's chat model when one
 * is configured, else (or when it fails) the extractive merge. Members stay as hidden rows with
 * `compressed_into` set, so the lineage is visible and the run can be undone from history.
 *
 * Three phases, so no model call ever holds the (serialized) database: plan in one read
 * transaction, summarise and embed outside any transaction, then write every merge in one
 * transaction, skipping a cluster whose members changed in between.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids/new-id";
import { chatConfigFor, summarizeCluster } from "../ai/summarize-cluster";
import { embeddingText, memoryIdPrefix } from "../create-memory";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { memoryColumns, toSnapshot, type MemoryRow } from "../memory-view";
import { recordMemoryHistory } from "../record-memory-history";
import { activeSpace, assertStillActive, embedIn } from "../vectors/active-space";
import { builtinColumnValue, storeExternalVector } from "../vectors/vector-store";
import type { VectorSpace } from "../vectors/vector-space";
import { loadVectors } from "./load-vectors";
import { mergeCluster } from "./merge-cluster";
import { ownersInScope, type RunScope } from "./owners-in-scope";
import { exactNeighbours, planClusters, type ClusterItem } from "./plan-clusters";

export type CompressResult = { batchId: string; clusters: number; merged: number; created: string[]; dryRun: boolean; summarizedByModel: number };

const exactUpTo = 1_500;

async function annNeighbours(db: DbOrTx, space: VectorSpace, item: ClusterItem): Promise<number[]> {
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM vector_top_k(${space.index}, vector32(${JSON.stringify(Array.from(item.vector))}), 40)`);
  return rows.map((r) => r.id);
}

/** Plans clusters for one owner+privacy group: exact pairs when small, the DiskANN index when large. */
export async function clustersFor(db: DbOrTx, space: VectorSpace, items: ClusterItem[], threshold: number): Promise<number[][]> {
  if (items.length <= exactUpTo) return planClusters(items, threshold, exactNeighbours(items, threshold));
  return planClusters(items, threshold, (item) => annNeighbours(db, space, item));
}

type PlannedCluster = { members: MemoryRow[]; vectors: Float32Array[] };
type ReadyMerge = { members: MemoryRow[]; merged: ReturnType<typeof mergeCluster>; vector: number[]; byModel: boolean };

export async function compressMemories(db: Db, actor: MemoryActor, options: { scope: RunScope; dryRun?: boolean; scheduled?: boolean }): Promise<CompressResult> {
  const batchId = newId("run");
  const active = await activeSpace(db, actor.workspaceId);
  const planned = await planCompression(db, actor, active.space, options);
  const merged = planned.reduce((s, c) => s + c.members.length, 0);
  if (options.dryRun) return { batchId, dryRun: true, clusters: planned.length, merged, created: [], summarizedByModel: 0 };

  const chat = planned.length ? await chatConfigFor(db, actor.workspaceId) : null;
  const ready: ReadyMerge[] = [];
  for (const cluster of planned) {
    const extractive = mergeCluster(cluster.members.map((r, i) => ({ ...r, vector: cluster.vectors[i] })));
    const summary = chat ? await summarizeCluster(chat, cluster.members.map((m) => m.content)) : null;
    const m = summary ? { ...extractive, content: summary } : extractive;
    ready.push({ members: cluster.members, merged: m, vector: await embedIn(active, embeddingText(m)), byModel: summary !== null });
  }

  const written = await db.transaction(async (tx) => {
    if (ready.length) await assertStillActive(tx, actor.workspaceId, active);
    const created: string[] = [];
    let members = 0;
    let byModel = 0;
    for (const item of ready) {
      if (!(await stillUnchanged(tx, item.members))) continue;
      created.push(await writeMerge(tx, actor, active.space, item, batchId));
      members += item.members.length;
      if (item.byModel) byModel++;
    }
    if (created.length) {
      await recordAudit(tx, actor, { action: "memories.compress", targetType: "memory_run", targetId: batchId, after: { scope: options.scope, clusters: created.length, merged: members, summarizedByModel: byModel } });
    }
    return { created, members, byModel };
  });
  if (written.created.length) await invalidateMemoryReads(actor.workspaceId);
  return { batchId, dryRun: false, clusters: written.created.length, merged: written.members, created: written.created, summarizedByModel: written.byModel };
}

async function planCompression(db: Db, actor: MemoryActor, space: VectorSpace, options: { scope: RunScope; scheduled?: boolean }): Promise<PlannedCluster[]> {
  return db.transaction(async (tx) => {
    const out: PlannedCluster[] = [];
    const owners = await ownersInScope(tx, actor, options.scope, options.scheduled ? "autoCompress" : undefined);
    for (const { ownerId, config } of owners) {
      for (const privacy of ["private", "workspace"] as const) {
        const where = and(eq(memories.workspaceId, actor.workspaceId), eq(memories.ownerId, ownerId), eq(memories.privacy, privacy), eq(memories.type, "short_term"), isNull(memories.compressedInto))!;
        const rows = await tx.select(memoryColumns).from(memories).where(where);
        if (rows.length < 2) continue;
        const vectors = new Map((await loadVectors(tx, space, where)).map((v) => [v.seq, v.vector]));
        const items = rows.filter((r) => vectors.has(r.seq)).map((r) => ({ seq: r.seq, importance: r.importance, vector: vectors.get(r.seq)! }));
        const bySeq = new Map(rows.map((r) => [r.seq, r]));
        for (const seqs of await clustersFor(tx, space, items, config.compressionThreshold)) {
          out.push({ members: seqs.map((s) => bySeq.get(s)!), vectors: seqs.map((s) => vectors.get(s)!) });
        }
      }
    }
    return out;
  });
}

/** A member edited, deleted or compressed since planning voids its cluster (the next run sees it again). */
async function stillUnchanged(tx: DbOrTx, members: MemoryRow[]): Promise<boolean> {
  const now = await tx.select({ seq: memories.seq, updatedAt: memories.updatedAt, compressedInto: memories.compressedInto }).from(memories).where(inArray(memories.seq, members.map((m) => m.seq)));
  const bySeq = new Map(now.map((r) => [r.seq, r]));
  return members.every((m) => {
    const r = bySeq.get(m.seq);
    return r !== undefined && r.compressedInto === null && r.updatedAt.getTime() === m.updatedAt.getTime();
  });
}

async function writeMerge(tx: DbOrTx, actor: MemoryActor, space: VectorSpace, item: ReadyMerge, batchId: string): Promise<string> {
  const { members, merged: m } = item;
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
      metadata: { compressedFrom: members.map((r) => r.id), summary: item.byModel ? "model" : "extractive" },
      importance: m.importance,
      accessCount: m.accessCount,
      embedding: builtinColumnValue(space, item.vector),
      source: "compression",
      privacy: members[0].privacy,
    })
    .returning(memoryColumns);
  await storeExternalVector(tx, space, created, item.vector);
  await tx.update(memories).set({ compressedInto: id }).where(inArray(memories.seq, members.map((r) => r.seq)));
  await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: id, actorId: actor.userId, action: "compress", next: toSnapshot(created), batchId });
  for (const r of members) {
    await recordMemoryHistory(tx, { workspaceId: actor.workspaceId, memoryId: r.id, actorId: actor.userId, action: "compress", previous: toSnapshot(r), next: { ...toSnapshot(r), compressedInto: id }, batchId });
  }
  return id;
}
