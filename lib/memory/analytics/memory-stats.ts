/**
 * Memory statistics over what the caller can see, narrowed by the shared filters: counts by
 * type/category/privacy, growth per day (in the workspace's time zone), average importance, top
 * tags and the storage used. Cached.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { zoneOffsetMs } from "@/lib/time/zoned";
import { memoryFilterSql, type MemoryFilters } from "../filters/compile-memory-filter";
import type { MemoryActor } from "../memory-access";
import { cachedMemoryRead } from "../memory-cache";

export type MemoryStats = {
  total: number;
  byType: Record<string, number>;
  byCategory: { category: string; count: number }[];
  byPrivacy: Record<string, number>;
  growth: { day: string; count: number }[];
  averageImportance: number;
  topTags: { tag: string; count: number }[];
  storageBytes: number;
  compressedMembers: number;
};

export async function memoryStats(
  db: DbOrTx,
  actor: MemoryActor,
  timezone: string,
  filters: MemoryFilters = {},
  days = 30,
): Promise<MemoryStats> {
  const key = ["stats", actor.userId, actor.accountIds ?? null, timezone, days, filters];
  return cachedMemoryRead(actor.workspaceId, key, 120, () => loadStats(db, actor, timezone, filters, days));
}

async function loadStats(db: DbOrTx, actor: MemoryActor, timezone: string, filters: MemoryFilters, days: number): Promise<MemoryStats> {
  const visible = memoryFilterSql(actor, filters);
  const offsetSeconds = Math.round(zoneOffsetMs(new Date(), timezone) / 1000);
  const since = Date.now() - days * 86_400_000;
  const group = (column: string) =>
    db.all<{ k: string | null; n: number }>(sql`SELECT ${sql.raw(column)} AS k, count(*) AS n FROM memories WHERE ${visible} GROUP BY 1`);
  const [byType, byCategory, byPrivacy] = await Promise.all([group("type"), group("category"), group("privacy")]);
  const [totals] = await db.all<{ total: number; avg: number | null; bytes: number | null }>(sql`
    SELECT count(*) AS total, avg(importance) AS avg,
      sum(length(content) + length(tags) + length(metadata) + coalesce(length(embedding), 0)) AS bytes
    FROM memories WHERE ${visible}`);
  const growth = await db.all<{ day: string; count: number }>(sql`
    SELECT date(created_at / 1000 + ${offsetSeconds}, 'unixepoch') AS day, count(*) AS count
    FROM memories WHERE ${visible} AND created_at >= ${since} GROUP BY 1 ORDER BY 1`);
  const topTags = await db.all<{ tag: string; count: number }>(sql`
    SELECT j.value AS tag, count(*) AS count FROM memories, json_each(memories.tags) AS j
    WHERE ${visible} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15`);
  const [hidden] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM memories WHERE ${memoryFilterSql(actor, filters, { includeCompressed: true })} AND compressed_into IS NOT NULL`,
  );
  return {
    total: totals.total,
    byType: Object.fromEntries(byType.map((r) => [r.k ?? "", r.n])),
    byCategory: byCategory.map((r) => ({ category: r.k ?? "", count: r.n })).sort((a, b) => b.count - a.count),
    byPrivacy: Object.fromEntries(byPrivacy.map((r) => [r.k ?? "", r.n])),
    growth,
    averageImportance: Math.round((totals.avg ?? 0) * 1000) / 1000,
    topTags,
    storageBytes: totals.bytes ?? 0,
    compressedMembers: hidden.n,
  };
}
