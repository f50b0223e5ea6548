/**
 * Compression's first phase: for each owner and privacy in scope, load the active short-term
 * memories (narrowed by the run's filters) and their vectors, split them by scope (account,
 * agent, run: a merge never mixes them), and cluster each part (exact pairs when small, one
 * DiskANN query per leader when large). No transaction spans it: planning 10,000 memories is
 * ~10,000 index queries (~70 s of synchronous SQL measured), so it runs in time slices and the
 * other requests' queries run between them. The write phase re-checks every member, so a change
 * meanwhile voids only its cluster. The memories themselves are read in pages of `loadPageSize`
 * too: reading 7,500 rows and their vectors in one go took 1.4-1.9 s of synchronous work (row
 * mapping, JSON columns).
 */
import { and, asc, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import type { TimeSlice } from "@/lib/background/time-slice";
import type { MemoryActor } from "../memory-access";
import { memoryColumns, type MemoryRow } from "../memory-view";
import type { VectorSpace } from "../vectors/vector-space";
import { loadVectors } from "./load-vectors";
import type { RunReporter } from "./memory-run";
import type { ownersInScope } from "./owners-in-scope";
import { exactNeighbours, planClusters, type ClusterItem } from "./plan-clusters";

export type PlannedCluster = { members: MemoryRow[]; vectors: Float32Array[] };
type Owners = Awaited<ReturnType<typeof ownersInScope>>;
type Group = { items: ClusterItem[]; bySeq: Map<number, MemoryRow>; vectors: Map<number, Float32Array>; threshold: number };

const exactUpTo = 1_500;
/** ~20 ms of reading per page on the bench machine. */
const loadPageSize = 100;

async function annNeighbours(db: DbOrTx, space: VectorSpace, item: ClusterItem): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    sql`SELECT id FROM vector_top_k(${space.index}, vector32(${JSON.stringify(Array.from(item.vector))}), 40)`,
  );
  return rows.map((r) => r.id);
}

/** Plans clusters for one owner+privacy group: exact pairs when small, the DiskANN index when large. */
export async function clustersFor(
  db: DbOrTx,
  space: VectorSpace,
  items: ClusterItem[],
  threshold: number,
  step?: (placed: number) => Promise<void>,
): Promise<number[][]> {
  if (items.length <= exactUpTo) return planClusters(items, threshold, exactNeighbours(items, threshold), step);
  return planClusters(items, threshold, (item) => annNeighbours(db, space, item), step);
}

/** Rows of one owner and privacy -> one part per (account, agent, run). */
function byScope(rows: MemoryRow[]): MemoryRow[][] {
  const parts = new Map<string, MemoryRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.accountId, r.agentId, r.runId]);
    const part = parts.get(key);
    if (part) part.push(r);
    else parts.set(key, [r]);
  }
  return [...parts.values()];
}

async function loadGroups(
  db: DbOrTx,
  actor: MemoryActor,
  space: VectorSpace,
  owners: Owners,
  slice: TimeSlice,
  narrowed?: SQL,
): Promise<Group[]> {
  const groups: Group[] = [];
  for (const { ownerId, config } of owners) {
    for (const privacy of ["private", "workspace"] as const) {
      await slice.pause();
      const where = and(
        eq(memories.workspaceId, actor.workspaceId),
        eq(memories.ownerId, ownerId),
        eq(memories.privacy, privacy),
        eq(memories.type, "short_term"),
        isNull(memories.compressedInto),
        narrowed,
      )!;
      const rows: MemoryRow[] = [];
      const vectors = new Map<number, Float32Array>();
      for (let after = 0; ; ) {
        const page = await db
          .select(memoryColumns)
          .from(memories)
          .where(and(where, gt(memories.seq, after)))
          .orderBy(asc(memories.seq))
          .limit(loadPageSize);
        if (page.length === 0) break;
        const last = page[page.length - 1].seq;
        for (const v of await loadVectors(db, space, and(where, gt(memories.seq, after), lte(memories.seq, last))!))
          vectors.set(v.seq, v.vector);
        rows.push(...page);
        after = last;
        await slice.pause();
      }
      for (const part of byScope(rows)) {
        if (part.length < 2) continue;
        const items = part
          .filter((r) => vectors.has(r.seq))
          .map((r) => ({ seq: r.seq, importance: r.importance, vector: vectors.get(r.seq)! }));
        groups.push({ items, vectors, bySeq: new Map(part.map((r) => [r.seq, r])), threshold: config.compressionThreshold });
      }
    }
  }
  return groups;
}

export async function planCompression(
  db: DbOrTx,
  actor: MemoryActor,
  space: VectorSpace,
  owners: Owners,
  slice: TimeSlice,
  run: RunReporter,
  narrowed?: SQL,
): Promise<PlannedCluster[]> {
  const groups = await loadGroups(db, actor, space, owners, slice, narrowed);
  const total = groups.reduce((s, g) => s + g.items.length, 0);
  const out: PlannedCluster[] = [];
  let before = 0;
  for (const group of groups) {
    const step = async (placed: number) => {
      await slice.pause();
      await run.progress("plan", before + placed, total);
    };
    for (const seqs of await clustersFor(db, space, group.items, group.threshold, step)) {
      out.push({ members: seqs.map((s) => group.bySeq.get(s)!), vectors: seqs.map((s) => group.vectors.get(s)!) });
    }
    before += group.items.length;
  }
  return out;
}
