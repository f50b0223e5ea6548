/**
 * Usage patterns over what the caller can see, narrowed by the shared filters: which tags go
 * together, when memories are made (hour and weekday in the workspace's time zone), the most used
 * memories, and the clusters compression would merge.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { zoneOffsetMs } from "@/lib/time/zoned";
import { memoryFilterConditions, memoryFilterSql, type MemoryFilters } from "../filters/compile-memory-filter";
import type { MemoryActor } from "../memory-access";
import { cachedMemoryRead } from "../memory-cache";
import { loadMemoryConfig } from "../memory-config";
import { clustersFor } from "../maintenance/compress-memories";
import { loadVectors } from "../maintenance/load-vectors";
import { activeSpace } from "../vectors/active-space";
import { memoryColumns, toMemoryView, type MemoryView } from "../memory-view";

export type MemoryPatterns = {
  tagPairs: { a: string; b: string; count: number }[];
  byHour: { hour: number; count: number }[];
  byWeekday: { weekday: number; count: number }[];
  mostAccessed: MemoryView[];
  clusters: { size: number; sample: string }[];
};

export async function memoryPatterns(
  db: DbOrTx,
  actor: MemoryActor,
  timezone: string,
  filters: MemoryFilters = {},
): Promise<MemoryPatterns> {
  const key = ["patterns", actor.userId, actor.accountIds ?? null, timezone, filters];
  return cachedMemoryRead(actor.workspaceId, key, 120, () => loadPatterns(db, actor, timezone, filters));
}

async function loadPatterns(db: DbOrTx, actor: MemoryActor, timezone: string, filters: MemoryFilters): Promise<MemoryPatterns> {
  const visible = memoryFilterSql(actor, filters);
  const offset = Math.round(zoneOffsetMs(new Date(), timezone) / 1000);
  const tagPairs = await db.all<{ a: string; b: string; count: number }>(sql`
    SELECT x.value AS a, y.value AS b, count(*) AS count FROM memories, json_each(memories.tags) AS x, json_each(memories.tags) AS y
    WHERE ${visible} AND x.value < y.value GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 20`);
  const byHour = await db.all<{ hour: number; count: number }>(sql`
    SELECT CAST(strftime('%H', created_at / 1000 + ${offset}, 'unixepoch') AS INTEGER) AS hour, count(*) AS count FROM memories WHERE ${visible} GROUP BY 1 ORDER BY 1`);
  const byWeekday = await db.all<{ weekday: number; count: number }>(sql`
    SELECT CAST(strftime('%w', created_at / 1000 + ${offset}, 'unixepoch') AS INTEGER) AS weekday, count(*) AS count FROM memories WHERE ${visible} GROUP BY 1 ORDER BY 1`);
  const mostAccessed = await db
    .select(memoryColumns)
    .from(memories)
    .where(visible)
    .orderBy(desc(memories.accessCount), desc(memories.seq))
    .limit(10);
  // Clusters of the caller's own short-term memories (what "compress now" would merge), capped for speed.
  const own = and(
    eq(memories.workspaceId, actor.workspaceId),
    eq(memories.ownerId, actor.userId),
    eq(memories.type, "short_term"),
    isNull(memories.compressedInto),
    memoryFilterConditions(actor, filters),
  )!;
  const rows = await db
    .select({ seq: memories.seq, importance: memories.importance, content: memories.content })
    .from(memories)
    .where(own)
    .orderBy(desc(memories.seq))
    .limit(1_000);
  const { space } = await activeSpace(db, actor.workspaceId);
  const vectors = new Map((await loadVectors(db, space, own)).map((v) => [v.seq, v.vector]));
  const config = await loadMemoryConfig(db, actor.workspaceId, actor.userId);
  const items = rows.filter((r) => vectors.has(r.seq)).map((r) => ({ seq: r.seq, importance: r.importance, vector: vectors.get(r.seq)! }));
  const content = new Map(rows.map((r) => [r.seq, r.content]));
  const clusters = (await clustersFor(db, space, items, config.compressionThreshold))
    .slice(0, 10)
    .map((c) => ({ size: c.length, sample: content.get(c[0])!.slice(0, 120) }));
  return { tagPairs, byHour, byWeekday, mostAccessed: mostAccessed.map(toMemoryView), clusters };
}
