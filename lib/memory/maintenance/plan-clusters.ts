/**
 * Groups similar memories for compression. Leader clustering: take the most important unassigned
 * memory, gather every unassigned neighbour whose cosine with it is >= threshold (so every
 * member resembles its leader: no chaining A~B~C into a cluster where A and C differ), repeat.
 * Neighbours come from a function so callers can use exact pairs (small sets) or the DiskANN index.
 */
export type ClusterItem = { seq: number; importance: number; vector: Float32Array | number[] };

export const maxClusterSize = 20;

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Exact neighbours by brute force: fine up to a few thousand items. */
export function exactNeighbours(items: ClusterItem[], threshold: number): (item: ClusterItem) => number[] {
  return (item) => items.filter((o) => o.seq !== item.seq && dot(item.vector, o.vector) >= threshold).map((o) => o.seq);
}

/**
 * Asks for neighbours only of leaders, so with the index the query count is the cluster count, not n.
 * `step` runs before each leader with how many items are placed so far: the caller's chance to
 * give the event loop a turn and report progress (a leader's neighbours cost one DiskANN query).
 */
export async function planClusters(
  items: ClusterItem[],
  threshold: number,
  neighbours: (item: ClusterItem) => number[] | Promise<number[]>,
  step?: (placed: number) => Promise<void>,
): Promise<number[][]> {
  const bySeq = new Map(items.map((i) => [i.seq, i]));
  const assigned = new Set<number>();
  const clusters: number[][] = [];
  const order = [...items].sort((a, b) => b.importance - a.importance || a.seq - b.seq);
  for (const leader of order) {
    if (assigned.has(leader.seq)) continue;
    if (step) await step(assigned.size);
    assigned.add(leader.seq);
    const members = (await neighbours(leader))
      .filter((s) => !assigned.has(s) && bySeq.has(s))
      .map((s) => bySeq.get(s)!)
      .filter((o) => dot(leader.vector, o.vector) >= threshold)
      .sort((a, b) => dot(leader.vector, b.vector) - dot(leader.vector, a.vector))
      .slice(0, maxClusterSize - 1);
    if (members.length === 0) continue;
    for (const m of members) assigned.add(m.seq);
    clusters.push([leader.seq, ...members.map((m) => m.seq)]);
  }
  return clusters;
}
