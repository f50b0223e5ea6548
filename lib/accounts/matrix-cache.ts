/**
 * Read-through cache of a workspace's matrix data (account views, grants, per-account figures)
 * in the cache driver. The key carries the workspace's matrix version from `cache_versions`,
 * which SQL triggers bump on every write to accounts, grants, publish jobs and own-account
 * snapshots, and on workspace edits (its time zone), so no write path can leave a stale read
 * behind, including ones added later (migration matrix_cache_triggers). A hit from last week
 * is reloaded (posts this week roll over on Monday); the short TTL bounds the only other
 * time-driven figure, failures in the last 7 days.
 *
 * Each process also keeps the last copy it revived per workspace under the same versioned key:
 * parsing and reviving 100 accounts from JSON on every request cost more than the lookup saved.
 * It expires with the entry it came from (loadedAt + TTL) and, like it, whenever the version moves.
 * Callers share that copy: they must not mutate it (loadMatrix and the filters build new rows).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, cacheVersions, memberAccountGrants, workspaces } from "@/db/schema";
import type { Cache } from "@/lib/cache/cache";
import { getEnv } from "@/lib/env";
import { toAccountView, type AccountView } from "./account-view";
import { loadMatrixStats, weekStartInZone, type AccountStats } from "./matrix-stats";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export type MatrixDataAccount = AccountView & { memberIds: string[]; stats: AccountStats };
/** weekStart: the Monday (ms) the "posts this week" figures count from; loadedAt: when the figures were read (ms). */
export type MatrixData = { timeZone: string; weekStart: number; loadedAt: number; accounts: MatrixDataAccount[] };

export async function matrixVersion(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ version: cacheVersions.version })
    .from(cacheVersions)
    .where(eq(cacheVersions.scope, `matrix:${workspaceId}`));
  return row?.version ?? 0;
}

/** Every non-archived account of the workspace with its grants and figures (callers narrow to their scope). */
export async function loadMatrixData(db: DbOrTx, workspaceId: string, now = new Date()): Promise<MatrixData> {
  const [[workspace], rows] = await Promise.all([
    db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId)),
    db
      .select()
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), isNull(accounts.archivedAt))),
  ]);
  const timeZone = workspace?.timezone ?? defaultTimezone;
  const ids = rows.map((r) => r.id);
  const [grants, stats] = await Promise.all([
    ids.length
      ? db
          .select({ memberId: memberAccountGrants.memberId, accountId: memberAccountGrants.accountId })
          .from(memberAccountGrants)
          .where(inArray(memberAccountGrants.accountId, ids))
      : [],
    loadMatrixStats(db, workspaceId, ids, timeZone, now),
  ]);
  const membersOf = new Map<string, string[]>();
  for (const g of grants) (membersOf.get(g.accountId) ?? membersOf.set(g.accountId, []).get(g.accountId)!).push(g.memberId);
  return {
    timeZone,
    weekStart: weekStartInZone(now, timeZone).getTime(),
    loadedAt: now.getTime(),
    accounts: rows.map((r) => ({ ...toAccountView(r), memberIds: membersOf.get(r.id) ?? [], stats: stats.get(r.id)! })),
  };
}

const date = (v: unknown) => (v == null ? null : new Date(v as string));

/** JSON turned Dates into strings: restore them. */
function revive(data: MatrixData): MatrixData {
  for (const a of data.accounts) {
    a.createdAt = date(a.createdAt)!;
    a.updatedAt = date(a.updatedAt)!;
    a.lastCheckAt = date(a.lastCheckAt);
    a.archivedAt = date(a.archivedAt);
    a.stats.nextScheduledAt = date(a.stats.nextScheduledAt);
    if (a.stats.lastPublish) a.stats.lastPublish.at = date(a.stats.lastPublish.at)!;
  }
  return data;
}

type Revived = { key: string; data: MatrixData };
/** Per cache driver instance (tests run several side by side), then per workspace. */
const revivedCopies = new WeakMap<Cache, Map<string, Revived>>();

function isCurrent(data: MatrixData, now: Date, ttlSeconds: number): boolean {
  return now.getTime() < data.loadedAt + ttlSeconds * 1000 && data.weekStart === weekStartInZone(now, data.timeZone).getTime();
}

export async function cachedMatrixData(
  db: DbOrTx,
  workspaceId: string,
  cache: Cache,
  now = new Date(),
  ttlSeconds = getEnv().matrixCacheSeconds,
): Promise<MatrixData> {
  if (ttlSeconds === 0) return loadMatrixData(db, workspaceId, now);
  const key = `matrix:${workspaceId}:v${await matrixVersion(db, workspaceId)}`;
  const copies = revivedCopies.get(cache) ?? revivedCopies.set(cache, new Map()).get(cache)!;
  const copy = copies.get(workspaceId);
  if (copy?.key === key && isCurrent(copy.data, now, ttlSeconds)) return copy.data;

  const hit = await cache.get<MatrixData>(key);
  let data: MatrixData;
  if (hit && isCurrent(hit, now, ttlSeconds)) data = revive(hit);
  else {
    data = await loadMatrixData(db, workspaceId, now);
    await cache.set(key, data, ttlSeconds);
  }
  copies.set(workspaceId, { key, data });
  return data;
}
