/**
 * Whether an account has publishing jobs or history, which keeps it from being archived (its
 * records would point at an account nobody can see). Each kind of history is one check below;
 * the publishing pipeline adds its `publish_jobs` check here when that table lands.
 */
import { and, count, eq, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, publishJobs, sandboxPublications } from "@/db/schema";

type HistoryCheck = { kind: string; count: (db: DbOrTx, accountId: string) => Promise<number> };

export const historyChecks: HistoryCheck[] = [
  {
    kind: "sandbox_publications",
    count: async (db, accountId) =>
      (await db.select({ n: count() }).from(sandboxPublications).where(eq(sandboxPublications.accountId, accountId)))[0].n,
  },
  {
    kind: "publish_jobs",
    count: async (db, accountId) => (await db.select({ n: count() }).from(publishJobs).where(eq(publishJobs.accountId, accountId)))[0].n,
  },
  {
    // Publishing events in the audit log (publishing.* actions on this account).
    kind: "publishing_events",
    count: async (db, accountId) =>
      (
        await db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.targetId, accountId), like(auditEvents.action, "publishing.%")))
      )[0].n,
  },
];

export type PublishingHistory = { hasHistory: boolean; counts: Record<string, number> };

export async function hasPublishingHistory(db: DbOrTx, accountId: string): Promise<PublishingHistory> {
  const counts: Record<string, number> = {};
  for (const check of historyChecks) counts[check.kind] = await check.count(db, accountId);
  return { hasHistory: Object.values(counts).some((n) => n > 0), counts };
}
