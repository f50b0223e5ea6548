/**
 * Full-text search over titles and bodies, Chinese substrings included. Terms of 3+ characters
 * use the FTS5 trigram index; shorter ones (most two-character Chinese words) use LIKE, which
 * the trigram index cannot serve. Matches come back marked with \u0001…\u0002 (never HTML), so
 * the UI can render <mark> around them without ever injecting markup from a note.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { drafts, users } from "@/db/schema";
import type { AccountScope } from "@/lib/accounts/queries";
import { draftScopeFilter, targetsOf } from "./draft-scope";
import { draftListColumns } from "./list-drafts";
import { markMatches } from "./mark-matches";

export const searchDraftsQuerySchema = z
  .object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();

function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchDrafts(db: DbOrTx, scope: AccountScope, raw: z.input<typeof searchDraftsQuerySchema>) {
  const { q, limit } = searchDraftsQuerySchema.parse(raw);
  // Control characters separate terms like spaces: FTS5 reads its query as a C string, so a NUL
  // inside a phrase ends it early (an unterminated string, a 500).
  const terms = [...new Set(q.split(/[\s\p{Cc}]+/u).filter(Boolean))].slice(0, 8);
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);

  const filters: SQL[] = [draftScopeFilter(scope)];
  if (long.length) {
    const match = long.map(ftsPhrase).join(" AND ");
    // FTS rowids mirror drafts.rowid (see the migration): reading rowids only skips the FTS
    // content table, which matters when a common term matches thousands of drafts.
    filters.push(sql`${drafts}.rowid in (select rowid from drafts_fts where drafts_fts match ${match})`);
  }
  for (const term of short) {
    const pattern = likePattern(term);
    filters.push(sql`(${drafts.title} like ${pattern} escape '\\' or ${drafts.plainText} like ${pattern} escape '\\')`);
  }
  const rows = await db
    .select({ ...draftListColumns, body: drafts.plainText })
    .from(drafts)
    .innerJoin(users, eq(users.id, drafts.authorId))
    .where(and(...filters))
    .orderBy(desc(drafts.updatedAt))
    .limit(limit);
  const targets = await targetsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ body, ...row }) => ({
    ...row,
    accountIds: targets.get(row.id) ?? [],
    titleMarked: markMatches(row.title, terms, Infinity),
    snippet: markMatches(body, terms, 80),
  }));
}

export type DraftSearchHit = Awaited<ReturnType<typeof searchDrafts>>[number];

/** Re-derives the search index from the drafts (after a VACUUM, which may renumber rowids). */
export async function rebuildDraftSearchIndex(db: DbOrTx): Promise<void> {
  await db.run(sql`delete from drafts_fts`);
  await db.run(sql`insert into drafts_fts(rowid, draft_id, title, body) select rowid, id, title, plain_text from drafts`);
}
