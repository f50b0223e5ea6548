/**
 * The drafts list: filters (status, account, author, folder, tag, updated date), sort and
 * pagination, always inside the caller's workspace and account scope.
 */
import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { drafts, draftStatuses, draftTargets, users } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import { draftScopeFilter, targetsOf } from "./draft-scope";

export const draftSorts = ["updated_desc", "updated_asc", "created_desc", "title_asc"] as const;

export const listDraftsQuerySchema = z
  .object({
    status: z.enum(draftStatuses).optional(),
    accountId: z.string().max(64).optional(),
    authorId: z.string().max(64).optional(),
    /** A folder id, or "none" for drafts in no folder. */
    folderId: z.string().max(64).optional(),
    tag: z.string().max(30).optional(),
    updatedFrom: z.coerce.date().optional(),
    updatedTo: z.coerce.date().optional(),
    sort: z.enum(draftSorts).default("updated_desc"),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ListDraftsQuery = z.input<typeof listDraftsQuerySchema>;

export const draftListColumns = {
  id: drafts.id,
  title: drafts.title,
  excerpt: sql<string>`substr(${drafts.plainText}, 1, 120)`,
  status: drafts.status,
  version: drafts.version,
  authorId: drafts.authorId,
  authorName: users.name,
  folderId: drafts.folderId,
  tags: drafts.tags,
  topics: drafts.topics,
  createdAt: drafts.createdAt,
  updatedAt: drafts.updatedAt,
};

const orderBy = {
  updated_desc: [desc(drafts.updatedAt), desc(drafts.id)],
  updated_asc: [asc(drafts.updatedAt), asc(drafts.id)],
  created_desc: [desc(drafts.createdAt), desc(drafts.id)],
  title_asc: [asc(drafts.title), asc(drafts.id)],
};
/**
 * The same orders as expressions, for one folder: walking a sort index would read every draft
 * to find the folder's few; an expression cannot use the sort index, so SQLite takes the folder
 * index and sorts those rows instead. (Measured; for account and "no folder" the index walk wins.)
 */
const orderByExpression = {
  updated_desc: [sql`${drafts.updatedAt} + 0 desc`, desc(drafts.id)],
  updated_asc: [sql`${drafts.updatedAt} + 0 asc`, asc(drafts.id)],
  created_desc: [sql`${drafts.createdAt} + 0 desc`, desc(drafts.id)],
  title_asc: [sql`${drafts.title} || '' asc`, asc(drafts.id)],
};

function filtersOf(scope: AccountScope, q: z.infer<typeof listDraftsQuerySchema>): SQL[] {
  const filters: SQL[] = [draftScopeFilter(scope)];
  if (q.status) filters.push(eq(drafts.status, q.status));
  if (q.authorId) filters.push(eq(drafts.authorId, q.authorId));
  if (q.folderId) filters.push(q.folderId === "none" ? isNull(drafts.folderId) : eq(drafts.folderId, q.folderId));
  if (q.tag) filters.push(sql`exists (select 1 from json_each(${drafts.tags}) where value = ${q.tag})`);
  if (q.updatedFrom) filters.push(gte(drafts.updatedAt, q.updatedFrom));
  if (q.updatedTo) filters.push(lt(drafts.updatedAt, q.updatedTo));
  if (q.accountId) {
    // An account outside the caller's grants matches nothing rather than leaking its drafts.
    const allowed = scope.accountIds === null || scope.accountIds.includes(q.accountId);
    filters.push(allowed ? sql`${drafts.id} in (select draft_id from ${draftTargets} where account_id = ${q.accountId})` : sql`0`);
  }
  return filters;
}

export async function listDrafts(db: DbOrTx, scope: AccountScope, raw: ListDraftsQuery = {}) {
  const q = listDraftsQuerySchema.parse(raw);
  const where = and(...filtersOf(scope, q));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(draftListColumns)
      .from(drafts)
      .innerJoin(users, eq(users.id, drafts.authorId))
      .where(where)
      .orderBy(...(q.folderId && q.folderId !== "none" ? orderByExpression : orderBy)[q.sort])
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(drafts).where(where),
  ]);
  const targets = await targetsOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...r, accountIds: targets.get(r.id) ?? [] })), total, page: q.page, pageSize: q.pageSize };
}

export type DraftListItem = Awaited<ReturnType<typeof listDrafts>>["items"][number];
