/** The latest profile snapshot of each subject (for lists): one indexed lookup per subject id. */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { profileSnapshots } from "@/db/schema";

export async function latestProfiles(
  db: DbOrTx,
  workspaceId: string,
  subjectIds: string[],
): Promise<Map<string, { followers: number | null; takenAt: Date }>> {
  if (!subjectIds.length) return new Map();
  const latest = db
    .select({ subjectId: profileSnapshots.subjectId, takenAt: sql<number>`max(${profileSnapshots.takenAt})`.as("latest") })
    .from(profileSnapshots)
    .where(and(eq(profileSnapshots.workspaceId, workspaceId), inArray(profileSnapshots.subjectId, subjectIds)))
    .groupBy(profileSnapshots.subjectId)
    .as("latest");
  const rows = await db
    .select({ subjectId: profileSnapshots.subjectId, followers: profileSnapshots.followers, takenAt: profileSnapshots.takenAt })
    .from(profileSnapshots)
    .innerJoin(latest, and(eq(latest.subjectId, profileSnapshots.subjectId), eq(latest.takenAt, profileSnapshots.takenAt)))
    .where(eq(profileSnapshots.workspaceId, workspaceId))
    .orderBy(desc(profileSnapshots.takenAt));
  return new Map(rows.map((r) => [r.subjectId, { followers: r.followers, takenAt: r.takenAt }]));
}
