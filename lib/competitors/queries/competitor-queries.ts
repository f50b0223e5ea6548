/** Reading competitors, always scoped to the caller's workspace (other workspaces' ids: not found). */
import { and, asc, eq, isNull, like, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { competitors, type Competitor } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function listCompetitors(db: DbOrTx, workspaceId: string, filter: { group?: string; q?: string } = {}): Promise<Competitor[]> {
  const where = [eq(competitors.workspaceId, workspaceId), isNull(competitors.archivedAt)];
  if (filter.q) where.push(or(like(competitors.name, `%${filter.q}%`), like(competitors.redUserId, `%${filter.q}%`))!);
  const rows = await db
    .select()
    .from(competitors)
    .where(and(...where))
    .orderBy(asc(competitors.name));
  return filter.group ? rows.filter((c) => c.groups.includes(filter.group!)) : rows;
}

export async function getCompetitor(db: DbOrTx, workspaceId: string, id: string): Promise<Competitor | null> {
  const [row] = await db
    .select()
    .from(competitors)
    .where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id), isNull(competitors.archivedAt)))
    .limit(1);
  return row ?? null;
}

export async function requireCompetitor(db: DbOrTx, workspaceId: string, id: string): Promise<Competitor> {
  const row = await getCompetitor(db, workspaceId, id);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** What the API shows: everything but RED's xsec token, which only the collector needs. */
export function publicCompetitor(c: Competitor) {
  const { xsecToken, ...rest } = c;
  return { ...rest, hasXsecToken: Boolean(xsecToken) };
}
