/**
 * Compression: per owner and privacy (a merge must never mix one person's private notes into a
 * shared memory), cluster the active short-term memories by cosine >= the owner's threshold and
 * merge each cluster into one long-term memory: summarised by the workspace's chat model when one
 * is configured and its summary passes the check (summarize-cluster.ts), else the extractive merge
 * (merge-cluster.ts: every sentence under its speaker, in creation order). A cluster whose merge
 * would not fit in one memory is left as it is (`skipped`), never cut. Members stay as hidden rows
 * with `compressed_into` set (and the merged memory lists them in `metadata.compressedFrom`), so
 * the lineage is visible and the run can be undone from history.
 * A merge never mixes scopes either (account, agent, run): the merged memory keeps its members'
 * scopes. The shared filters narrow which memories a run considers.
 *
 * Three phases, none of which holds the (serialized) database for long: plan without a
 * transaction (plan-compression.ts), summarise and embed outside any transaction, then write the
 * merges in short transactions of about one time slice each, skipping a cluster whose members
 * changed in between. Between slices the event loop serves other requests (time-slice.ts has the
 * measurements and why not a worker thread); the run's progress row (memory-run.ts) says how far
 * it got. A run that stops half way has written whole merges only, all under its batch id, so
 * undo takes back exactly what it wrote.
 */
import { inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { createTimeSlice, defaultSliceMs, type TimeSlice } from "@/lib/background/time-slice";
import { newId } from "@/lib/ids/new-id";
import { chatConfigFor, summarizeCluster } from "../ai/summarize-cluster";
import { attributedText } from "./attributed-lines";
import { embeddingText, memoryIdPrefix } from "../create-memory";
import { searchColumns } from "../search/search-columns";
import { memoryFilterConditions, type MemoryFilters } from "../filters/compile-memory-filter";
import { filtersOf } from "../filters/memory-filter-schema";
import { filtersForAudit } from "../filters/print-filter";
import type { MemoryActor } from "../memory-access";
import { invalidateMemoryReads } from "../memory-cache";
import { memoryColumns, toSnapshot, type MemoryRow } from "../memory-view";
import { recordMemoryHistory } from "../record-memory-history";
import { activeSpace, assertStillActive, embedIn, type ActiveSpace } from "../vectors/active-space";
import { builtinColumnValue, storeExternalVector } from "../vectors/vector-store";
import type { VectorSpace } from "../vectors/vector-space";
import { extractiveText, inCreationOrder, mergedAttributes, type MergedMemory } from "./merge-cluster";
import { withMemoryRun, type RunReporter } from "./memory-run";
import { ownersInScope, type RunScope } from "./owners-in-scope";
import { planCompression, type PlannedCluster } from "./plan-compression";

export { clustersFor } from "./plan-compression";

export type CompressResult = {
  batchId: string;
  clusters: number;
  merged: number;
  created: string[];
  dryRun: boolean;
  summarizedByModel: number;
  /** Clusters left unmerged because their merge would not fit in one memory (a dry run counts the extractive merge). */
  skipped: number;
};
export type CompressOptions = { scope: RunScope; dryRun?: boolean; scheduled?: boolean; slice?: TimeSlice } & MemoryFilters;

type ReadyMerge = { members: MemoryRow[]; merged: MergedMemory; vector: number[]; byModel: boolean };

export async function compressMemories(db: Db, actor: MemoryActor, options: CompressOptions): Promise<CompressResult> {
  const owners = await ownersInScope(db, actor, options.scope, options.scheduled ? "autoCompress" : undefined);
  const batchId = newId("run");
  const slice = options.slice ?? createTimeSlice();
  return withMemoryRun(db, actor, { id: batchId, kind: "compress", phase: "plan" }, async (run) => {
    const active = await activeSpace(db, actor.workspaceId);
    const filters = filtersOf(options);
    const planned = await planCompression(db, actor, active.space, owners, slice, run, memoryFilterConditions(actor, filters));
    const merged = planned.reduce((s, c) => s + c.members.length, 0);
    if (options.dryRun) {
      const skipped = planned.filter((c) => extractiveText(c.members) === null).length;
      return { batchId, dryRun: true, clusters: planned.length, merged, created: [], summarizedByModel: 0, skipped };
    }
    const { ready, skipped } = await prepareMerges(db, actor, active, planned, slice, run);
    const written = await writeMerges(
      db,
      actor,
      active,
      ready,
      { batchId, scope: options.scope, audit: filtersForAudit(filters) },
      slice,
      run,
    );
    if (written.created.length) await invalidateMemoryReads(actor.workspaceId);
    return {
      batchId,
      dryRun: false,
      clusters: written.created.length,
      merged: written.members,
      created: written.created,
      summarizedByModel: written.byModel,
      skipped,
    };
  });
}

/** Summarise (model or extractive) and embed each cluster, outside any transaction. */
async function prepareMerges(
  db: Db,
  actor: MemoryActor,
  active: ActiveSpace,
  planned: PlannedCluster[],
  slice: TimeSlice,
  run: RunReporter,
): Promise<{ ready: ReadyMerge[]; skipped: number }> {
  const chat = planned.length ? await chatConfigFor(db, actor.workspaceId) : null;
  const ready: ReadyMerge[] = [];
  let skipped = 0;
  for (const [i, cluster] of planned.entries()) {
    await slice.pause();
    await run.progress("summarize", i, planned.length);
    const members = cluster.members.map((r, j) => ({ ...r, vector: cluster.vectors[j] }));
    const summary = chat ? await summarizeCluster(chat, inCreationOrder(members).map(attributedText)) : null;
    const content = summary ?? extractiveText(members);
    if (content === null) {
      skipped++;
      continue;
    }
    const m = { content, ...mergedAttributes(members) };
    ready.push({ members: cluster.members, merged: m, vector: await embedIn(active, embeddingText(m)), byModel: summary !== null });
  }
  return { ready, skipped };
}

/** Writes merges in transactions of about one slice each; the audit event covers what was written, even when a later slice fails. */
async function writeMerges(
  db: Db,
  actor: MemoryActor,
  active: ActiveSpace,
  ready: ReadyMerge[],
  run: { batchId: string; scope: RunScope; audit?: Record<string, unknown> },
  slice: TimeSlice,
  reporter: RunReporter,
) {
  const created: string[] = [];
  let members = 0;
  let byModel = 0;
  let next = 0;
  try {
    while (next < ready.length) {
      await reporter.progress("write", next, ready.length);
      const written = await db.transaction(async (tx) => {
        await assertStillActive(tx, actor.workspaceId, active);
        const started = performance.now();
        // Committed by the transaction's end: the counters move only for merges that are written.
        const batch: { id: string; item: ReadyMerge }[] = [];
        let i = next;
        for (; i < ready.length && (i === next || performance.now() - started < defaultSliceMs); i++) {
          if (await stillUnchanged(tx, ready[i].members))
            batch.push({ id: await writeMerge(tx, actor, active.space, ready[i], run.batchId), item: ready[i] });
        }
        return { i, batch };
      });
      next = written.i;
      for (const { id, item } of written.batch) {
        created.push(id);
        members += item.members.length;
        if (item.byModel) byModel++;
      }
      await slice.yieldNow();
    }
  } finally {
    if (created.length) {
      await recordAudit(db, actor, {
        action: "memories.compress",
        targetType: "memory_run",
        targetId: run.batchId,
        after: { scope: run.scope, clusters: created.length, merged: members, summarizedByModel: byModel, ...run.audit },
      });
    }
  }
  return { created, members, byModel };
}

/** A member edited, deleted or compressed since planning voids its cluster (the next run sees it again). */
async function stillUnchanged(tx: DbOrTx, members: MemoryRow[]): Promise<boolean> {
  const now = await tx
    .select({ seq: memories.seq, updatedAt: memories.updatedAt, compressedInto: memories.compressedInto })
    .from(memories)
    .where(
      inArray(
        memories.seq,
        members.map((m) => m.seq),
      ),
    );
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
      metadata: { compressedFrom: inCreationOrder(members).map((r) => r.id), summary: item.byModel ? "model" : "extractive" },
      importance: m.importance,
      accessCount: m.accessCount,
      embedding: builtinColumnValue(space, item.vector),
      ...searchColumns(m),
      source: "compression",
      privacy: members[0].privacy,
      // Planned per scope (plan-compression.ts): every member has the same account, agent and run.
      accountId: members[0].accountId,
      agentId: members[0].agentId,
      runId: members[0].runId,
    })
    .returning(memoryColumns);
  await storeExternalVector(tx, space, created, item.vector);
  await tx
    .update(memories)
    .set({ compressedInto: id })
    .where(
      inArray(
        memories.seq,
        members.map((r) => r.seq),
      ),
    );
  await recordMemoryHistory(tx, {
    workspaceId: actor.workspaceId,
    memoryId: id,
    actorId: actor.userId,
    action: "compress",
    next: toSnapshot(created),
    batchId,
  });
  for (const r of members) {
    await recordMemoryHistory(tx, {
      workspaceId: actor.workspaceId,
      memoryId: r.id,
      actorId: actor.userId,
      action: "compress",
      previous: toSnapshot(r),
      next: { ...toSnapshot(r), compressedInto: id },
      batchId,
    });
  }
  return id;
}
