/** Per-source collection status: when each source last ran for a subject, and what went wrong. */
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { collectionStatus } from "@/db/schema";

export type CollectionOutcome = { workspaceId: string; source: string; subjectKey: string } & (
  | { ok: true; items: number }
  | { ok: false; error: string }
);

export async function recordCollection(db: DbOrTx, o: CollectionOutcome, at = new Date()): Promise<void> {
  const values = {
    workspaceId: o.workspaceId,
    source: o.source,
    subjectKey: o.subjectKey,
    status: o.ok ? ("ok" as const) : ("error" as const),
    lastRunAt: at,
    lastSuccessAt: o.ok ? at : null,
    lastError: o.ok ? null : o.error.slice(0, 500),
    itemsCollected: o.ok ? o.items : 0,
  };
  await db
    .insert(collectionStatus)
    .values(values)
    .onConflictDoUpdate({
      target: [collectionStatus.workspaceId, collectionStatus.source, collectionStatus.subjectKey],
      set: {
        status: values.status,
        lastRunAt: at,
        lastError: values.lastError,
        lastSuccessAt: o.ok ? at : sql`${collectionStatus.lastSuccessAt}`,
        itemsCollected: o.ok ? o.items : sql`${collectionStatus.itemsCollected}`,
      },
    });
}

export async function listCollectionStatus(db: DbOrTx, workspaceId: string, subjectKey?: string) {
  const where = subjectKey
    ? and(eq(collectionStatus.workspaceId, workspaceId), eq(collectionStatus.subjectKey, subjectKey))
    : eq(collectionStatus.workspaceId, workspaceId);
  return db.select().from(collectionStatus).where(where).orderBy(desc(collectionStatus.lastRunAt)).limit(200);
}
