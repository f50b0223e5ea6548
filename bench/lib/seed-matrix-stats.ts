/**
 * 90 days of history for every account of a workspace, shaped as the app stores it: one
 * own-account profile snapshot per day (followers growing), two finished publish jobs per day
 * (08:00 and 20:30 Shanghai; every 17th failed, every 41st unconfirmed) and three scheduled
 * jobs in the coming days. Multi-row inserts in transactions of 500.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, profileSnapshots, publishJobs, type PublishJob } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";

const day = 86_400_000;

async function insertInBatches<T>(
  db: Db,
  rows: T[],
  insert: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], part: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += 500) await db.transaction((tx) => insert(tx, rows.slice(i, i + 500)) as Promise<void>);
}

export async function seedMatrixStats(db: Db, workspaceId: string, days = 90, now = new Date()) {
  const ids = (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.workspaceId, workspaceId))).map((r) => r.id);
  const midnight = Math.floor(now.getTime() / day) * day - 8 * 3_600_000; // 00:00 Shanghai, roughly
  const snapshots: (typeof profileSnapshots.$inferInsert)[] = [];
  const jobs: (typeof publishJobs.$inferInsert)[] = [];
  let n = 0;
  ids.forEach((accountId, a) => {
    for (let d = days; d >= 1; d--) {
      const base = midnight - d * day;
      snapshots.push({
        workspaceId,
        subjectType: "account",
        subjectId: accountId,
        followers: 1000 + a * 50 + (days - d) * (3 + (a % 5)),
        source: "bench",
        takenAt: new Date(base + 23 * 3_600_000),
      });
      for (const offset of [8 * 3_600_000, 20.5 * 3_600_000]) {
        n++;
        const status: PublishJob["status"] = n % 41 === 0 ? "unconfirmed" : n % 17 === 0 ? "failed" : "published";
        const runAt = new Date(base + offset);
        jobs.push({
          id: newId("job"),
          workspaceId,
          accountId,
          snapshot: { title: `矩阵笔记 ${n}`, body: "", topics: [], images: [] },
          runAt,
          status,
          finishedAt: new Date(runAt.getTime() + 30_000),
          attempts: 1,
          idempotencyKey: newId("idem"),
        });
      }
    }
    for (let f = 1; f <= 3; f++)
      jobs.push({
        id: newId("job"),
        workspaceId,
        accountId,
        snapshot: { title: `排期笔记 ${a}-${f}`, body: "", topics: [], images: [] },
        runAt: new Date(now.getTime() + f * day + a * 60_000),
        idempotencyKey: newId("idem"),
      });
  });
  await insertInBatches(db, snapshots, (tx, part) => tx.insert(profileSnapshots).values(part).onConflictDoNothing());
  await insertInBatches(db, jobs, (tx, part) => tx.insert(publishJobs).values(part));
  return { accounts: ids.length, snapshots: snapshots.length, jobs: jobs.length };
}
