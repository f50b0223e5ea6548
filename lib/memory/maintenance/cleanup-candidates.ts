/**
 * What cleanup deletes, in one place, so the preview (dry run) and the run cannot disagree.
 *
 * A short-term memory is removable when, at the cut-off `asOf`, all of these hold:
 * - its stored expiry has passed (`expires_at < asOf`): an explicit short retention is honoured,
 *   nothing goes earlier than the date it was created with;
 * - it was not created, edited or used within its owner's *current* retention window
 *   (`max(created_at, updated_at, last_accessed_at) < asOf - retention`). Every read that uses a
 *   memory (GET, context retrieval, a search with `countAccess`) sets `last_accessed_at`, so a memory
 *   that was useful within the window stays, whatever path used it. We check last use here rather
 *   than slide `expires_at` on every access: one rule in one query, it needs no owner config at
 *   read time, it also protects memories used before this rule existed (their `expires_at` was never
 *   moved), and a longer retention setting applies to existing memories at once;
 * - it would not be promoted (importance < the owner's long-term threshold and fewer accesses than
 *   promoteAfterAccesses): such memories become long-term, they are never deleted, even in a preview
 *   that does not promote.
 */
import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import type { MemoryActor } from "../memory-access";
import type { MemoryConfig } from "../memory-schemas";

export type CleanupOwner = { ownerId: string; config: MemoryConfig };
export type CleanupReason = "never_used" | "not_used_recently";
export type CleanupCandidate = {
  id: string;
  /** The first 80 characters of the content. */
  preview: string;
  reason: CleanupReason;
  lastUsedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
};
export type CleanupPreview = {
  /** The cut-off used: pass it to the run so it deletes nothing that expired after the preview. */
  asOf: string;
  total: number;
  /** How many the run promotes to long-term first (never deleted). */
  promote: number;
  items: CleanupCandidate[];
  nextCursor: string | null;
};

const dayMs = 86_400_000;
export const previewChars = 80;

const lastUse = sql`max(${memories.createdAt}, ${memories.updatedAt}, coalesce(${memories.lastAccessedAt}, 0))`;

function promotable(config: MemoryConfig): SQL {
  return or(sql`${memories.importance} >= ${config.longTermThreshold}`, sql`${memories.accessCount} >= ${config.promoteAfterAccesses}`)!;
}

/** Short-term, visible in lists (not a compression member), of these owners, within the caller's filters (`narrowed`). */
function shortTermOf(workspaceId: string, owners: CleanupOwner[], narrowed?: SQL): SQL {
  return and(
    eq(memories.workspaceId, workspaceId),
    inArray(
      memories.ownerId,
      owners.map((o) => o.ownerId),
    ),
    eq(memories.type, "short_term"),
    isNull(memories.compressedInto),
    narrowed,
  )!;
}

export function removableWhere(workspaceId: string, owners: CleanupOwner[], asOf: Date, narrowed?: SQL): SQL {
  const byOwner = owners.map(({ ownerId, config }) =>
    and(
      eq(memories.ownerId, ownerId),
      sql`${lastUse} < ${asOf.getTime() - config.shortTermRetentionDays * dayMs}`,
      sql`NOT (${promotable(config)})`,
    ),
  );
  return and(shortTermOf(workspaceId, owners, narrowed), lt(memories.expiresAt, asOf), or(...byOwner))!;
}

export function promotableWhere(workspaceId: string, owners: CleanupOwner[], narrowed?: SQL): SQL {
  return and(
    shortTermOf(workspaceId, owners, narrowed),
    or(...owners.map(({ ownerId, config }) => and(eq(memories.ownerId, ownerId), promotable(config)))),
  )!;
}

/** The cut-off of a run: the preview's `asOf` when given, never later than now (a future cut-off would delete early). */
export function cutOff(now: Date, asOf?: Date): Date {
  return asOf && asOf.getTime() < now.getTime() ? asOf : now;
}

const encodeCursor = (seq: number) => Buffer.from(String(seq)).toString("base64url");
function decodeCursor(cursor: string | undefined): number {
  const seq = cursor ? Number(Buffer.from(cursor, "base64url").toString()) : 0;
  return Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}

/** One page of what a cleanup at `asOf` deletes, oldest first, with the total and how many it promotes. */
export async function listRemovable(
  db: DbOrTx,
  actor: Pick<MemoryActor, "workspaceId">,
  owners: CleanupOwner[],
  page: { asOf: Date; limit: number; cursor?: string },
  narrowed?: SQL,
): Promise<CleanupPreview> {
  const asOf = page.asOf.toISOString();
  if (owners.length === 0) return { asOf, total: 0, promote: 0, items: [], nextCursor: null };
  const where = removableWhere(actor.workspaceId, owners, page.asOf, narrowed);
  const [{ n: total }] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM memories WHERE ${where}`);
  const [{ n: promote }] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM memories WHERE ${promotableWhere(actor.workspaceId, owners, narrowed)}`,
  );
  const rows = await db
    .select({
      seq: memories.seq,
      id: memories.id,
      content: memories.content,
      lastAccessedAt: memories.lastAccessedAt,
      expiresAt: memories.expiresAt,
      createdAt: memories.createdAt,
    })
    .from(memories)
    .where(and(where, gt(memories.seq, decodeCursor(page.cursor))))
    .orderBy(asc(memories.seq))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return {
    asOf,
    total,
    promote,
    items: shown.map((r) => ({
      id: r.id,
      preview: Array.from(r.content).slice(0, previewChars).join(""),
      reason: r.lastAccessedAt ? "not_used_recently" : "never_used",
      lastUsedAt: r.lastAccessedAt?.toISOString() ?? null,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: more ? encodeCursor(shown[shown.length - 1].seq) : null,
  };
}
