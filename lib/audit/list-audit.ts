/** Reads the audit log of one workspace: filters, keyset pagination (newest first). */
import { and, desc, eq, gte, like, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";

export type { AuditEvent };

export const auditQuerySchema = z
  .object({
    actorId: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    targetType: z.string().max(64).optional(),
    targetId: z.string().max(64).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export async function listAudit(
  db: DbOrTx,
  workspaceId: string,
  query: AuditQuery,
): Promise<{ events: AuditEvent[]; nextCursor: number | null }> {
  const filters: SQL[] = [eq(auditEvents.workspaceId, workspaceId)];
  if (query.actorId) filters.push(eq(auditEvents.actorId, query.actorId));
  if (query.action) filters.push(like(auditEvents.action, `${query.action.replace(/[%_]/g, "")}%`));
  if (query.targetType) filters.push(eq(auditEvents.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditEvents.targetId, query.targetId));
  if (query.from) filters.push(gte(auditEvents.createdAt, query.from));
  if (query.to) filters.push(lte(auditEvents.createdAt, query.to));
  if (query.cursor) filters.push(lt(auditEvents.id, query.cursor));

  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const events = hasMore ? rows.slice(0, query.limit) : rows;
  return { events, nextCursor: hasMore ? events[events.length - 1].id : null };
}
