/**
 * Lists the memories a person can see: the shared filters (lib/memory/filters/) plus a text match,
 * a sort (newest, most important, most used) and keyset pagination. The cursor carries the last
 * row's sort value and seq, so pages never skip or repeat rows when new memories arrive.
 */
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { memoryFilterSql } from "./filters/compile-memory-filter";
import { filtersOf } from "./filters/memory-filter-schema";
import type { MemoryActor } from "./memory-access";
import { listMemoriesQuerySchema, type ListMemoriesQuery } from "./memory-schemas";
import { memoryColumns, toMemoryView, type MemoryView } from "./memory-view";

const sortColumns = { created: memories.createdAt, importance: memories.importance, access: memories.accessCount } as const;
type Cursor = { v: number; s: number };

function decodeCursor(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    if (typeof c.v === "number" && Number.isInteger(c.s)) return c;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", { fieldErrors: { cursor: ["Invalid cursor"] } });
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/** Escapes LIKE wildcards so a user's "%" is a literal percent sign. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listMemories(
  db: DbOrTx,
  actor: MemoryActor,
  raw: ListMemoriesQuery,
): Promise<{ memories: MemoryView[]; nextCursor: string | null }> {
  const q = listMemoriesQuerySchema.parse(raw);
  const filters: (SQL | undefined)[] = [memoryFilterSql(actor, filtersOf(q))];
  if (q.text) filters.push(sql`${memories.content} LIKE ${likePattern(q.text)} ESCAPE '\\'`);

  const column = sortColumns[q.sort];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const v = q.sort === "created" ? new Date(c.v) : c.v;
    filters.push(or(lt(column, v as never), and(eq(column, v as never), lt(memories.seq, c.s))));
  }
  const rows = await db
    .select(memoryColumns)
    .from(memories)
    .where(and(...filters))
    .orderBy(desc(column), desc(memories.seq))
    .limit(q.limit + 1);
  const hasMore = rows.length > q.limit;
  const page = hasMore ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  const sortValue = (r: typeof last) =>
    q.sort === "created" ? r.createdAt.getTime() : q.sort === "importance" ? r.importance : r.accessCount;
  return { memories: page.map(toMemoryView), nextCursor: hasMore ? encodeCursor({ v: sortValue(last), s: last.seq }) : null };
}
