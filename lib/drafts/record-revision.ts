/**
 * Keeps the revision history short: saves by the same author within a minute of the last
 * revision fold into it, so autosave every two seconds does not write hundreds of revisions.
 */
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { draftRevisions } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import type { DraftDoc } from "./doc-types";

export const coalesceWindowMs = 60_000;

export type RevisionContent = { version: number; title: string; doc: DraftDoc; plainText: string };

export async function recordRevision(
  db: DbOrTx,
  draftId: string,
  authorId: string,
  content: RevisionContent,
  now = new Date(),
): Promise<"created" | "coalesced"> {
  const [last] = await db
    .select()
    .from(draftRevisions)
    .where(eq(draftRevisions.draftId, draftId))
    .orderBy(desc(draftRevisions.createdAt), desc(draftRevisions.version))
    .limit(1);
  if (last && last.authorId === authorId && now.getTime() - last.createdAt.getTime() < coalesceWindowMs) {
    await db
      .update(draftRevisions)
      .set({ ...content, updatedAt: now })
      .where(eq(draftRevisions.id, last.id));
    return "coalesced";
  }
  await db.insert(draftRevisions).values({ id: newId("rev"), draftId, authorId, ...content, createdAt: now, updatedAt: now });
  return "created";
}
