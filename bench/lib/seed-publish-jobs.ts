/**
 * Bulk publish jobs for benchmarks: rows shaped exactly as createPublishJob stores them
 * (id "job_…", frozen snapshot, idempotency key, created_by, status scheduled, version 1),
 * tagged with a batch id so a suite can find and verify its own jobs afterwards. Multi-row
 * inserts in transactions of 500; the audit events createPublishJob writes are left out
 * (they are not read on the publish or calendar paths).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, publishJobs, users, workspaces } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";

export type BenchWorkspace = { workspaceId: string; userId: string; timezone: string; accountIds: string[] };

/** The workspace of `slug`, its user `email`, and its active sandbox accounts (at most `maxAccounts`). */
export async function benchWorkspace(db: Db, slug: string, email: string, maxAccounts = 4): Promise<BenchWorkspace> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!ws || !user) throw new Error(`bench: workspace ${slug} or user ${email} not found`);
  const rows = await db
    .select({ id: accounts.id, archivedAt: accounts.archivedAt })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ws.id), eq(accounts.publisherId, "sandbox"), eq(accounts.status, "active")));
  const accountIds = rows
    .filter((a) => !a.archivedAt)
    .map((a) => a.id)
    .slice(0, maxAccounts);
  if (!accountIds.length) throw new Error("bench: the workspace has no active sandbox account (demo data missing?)");
  return { workspaceId: ws.id, userId: user.id, timezone: ws.timezone, accountIds };
}

export type SeededJob = { id: string; workspaceId: string; version: number; runAt: Date };

/** Inserts `count` scheduled jobs with run_at = runAtFor(i), spread round-robin over the accounts. */
export async function seedPublishJobs(
  db: Db,
  ws: BenchWorkspace,
  count: number,
  batchId: string,
  runAtFor: (i: number) => Date,
): Promise<SeededJob[]> {
  const seeded: SeededJob[] = [];
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    const rows: (typeof publishJobs.$inferInsert)[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const id = newId("job");
      const runAt = runAtFor(i);
      const snapshot = {
        title: `基准笔记 ${i}`,
        body: `第 ${i} 篇定时笔记：周末探店清单，收藏起来慢慢看。`,
        topics: ["探店"],
        images: [`https://example.com/bench/${i}.jpg`],
      };
      rows.push({
        id,
        workspaceId: ws.workspaceId,
        accountId: ws.accountIds[i % ws.accountIds.length],
        draftId: null,
        batchId,
        snapshot,
        runAt,
        idempotencyKey: newId("idem"),
        createdBy: ws.userId,
      });
      seeded.push({ id, workspaceId: ws.workspaceId, version: 1, runAt });
    }
    await db.transaction(async (tx) => {
      await tx.insert(publishJobs).values(rows);
    });
  }
  return seeded;
}
