/**
 * A memory's versions, newest first, a page at a time (the cursor carries the last version id).
 * Visible exactly when the memory is (NOT_FOUND otherwise, so a private memory's existence never
 * leaks); a memory merged into another (hidden) still shows its history.
 */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memoryHistory, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { findVisibleMemory, type MemoryActor } from "../memory-access";
import { toSnapshot } from "../memory-view";
import { memoryHistoryQuerySchema, memoryRefSchema, type MemoryHistoryQuery } from "./history-schemas";
import { toVersionView, type MemoryVersionView } from "./memory-version-view";

const encodeCursor = (lastId: number) => Buffer.from(JSON.stringify({ s: lastId })).toString("base64url");

function decodeCursor(cursor: string): number {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { s?: unknown };
    if (Number.isSafeInteger(c.s)) return c.s as number;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", { fieldErrors: { cursor: ["Invalid cursor"] } });
}

export async function listMemoryHistory(
  db: DbOrTx,
  actor: MemoryActor,
  id: string,
  raw: MemoryHistoryQuery,
): Promise<{ versions: MemoryVersionView[]; nextCursor: string | null }> {
  const ref = memoryRefSchema.parse({ id });
  const q = memoryHistoryQuerySchema.parse(raw);
  const filters: SQL[] = [eq(memoryHistory.workspaceId, actor.workspaceId), eq(memoryHistory.memoryId, ref.id)];
  if (q.cursor) filters.push(lt(memoryHistory.id, decodeCursor(q.cursor)));
  const memory = await findVisibleMemory(db, actor, ref.id, { includeCompressed: true });
  const rows = await db
    .select({
      id: memoryHistory.id,
      action: memoryHistory.action,
      actorId: memoryHistory.actorId,
      actorName: users.name,
      previous: memoryHistory.previous,
      next: memoryHistory.next,
      createdAt: memoryHistory.createdAt,
    })
    .from(memoryHistory)
    .leftJoin(users, eq(users.id, memoryHistory.actorId))
    .where(and(...filters))
    .orderBy(desc(memoryHistory.id))
    .limit(q.limit + 1);
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const current = toSnapshot(memory);
  return {
    versions: page.map((row) => toVersionView(row, current)),
    nextCursor: hasMore ? encodeCursor(page[page.length - 1].id) : null,
  };
}
