/**
 * Bulk drafts for benchmarks: multi-row inserts in large transactions (the FTS triggers fire
 * per row, as in production), spread over the workspace's accounts, folders and statuses.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, draftFolders, drafts, draftTargets, users, workspaces } from "@/db/schema";
import { docFromText } from "@/lib/drafts/doc-types";
import { newId } from "@/lib/ids/new-id";

const statuses = ["draft", "draft", "in_review", "approved", "changes_requested"] as const;

export async function seedBenchDrafts(db: Db, slug: string, email: string, count: number, textFor: (i: number) => string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const accountIds = (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.workspaceId, ws.id))).map((a) => a.id);
  const folderIds = Array.from({ length: 10 }, () => newId("fld"));
  await db.insert(draftFolders).values(folderIds.map((id, i) => ({ id, workspaceId: ws.id, name: `文件夹 ${i + 1}` })));
  const start = Date.now() - count * 60_000;
  const batch = 500;
  for (let from = 0; from < count; from += batch) {
    await db.transaction(async (tx) => {
      const rows = [];
      const targets = [];
      for (let i = from; i < Math.min(count, from + batch); i++) {
        const text = textFor(i);
        const id = newId("drf");
        const at = new Date(start + i * 60_000);
        rows.push({
          id,
          workspaceId: ws.id,
          authorId: user.id,
          folderId: i % 3 === 0 ? folderIds[i % 10] : null,
          title: `笔记 ${i}：${text.slice(5, 15)}`,
          doc: docFromText(text),
          plainText: text,
          topics: ["好物分享"],
          status: statuses[i % statuses.length],
          hasTargets: accountIds.length > 0,
          createdAt: at,
          updatedAt: at,
        });
        if (accountIds.length) targets.push({ draftId: id, accountId: accountIds[i % accountIds.length] });
      }
      await tx.insert(drafts).values(rows);
      if (targets.length) await tx.insert(draftTargets).values(targets);
    });
  }
  return { workspaceId: ws.id, userId: user.id, accountIds, folderIds };
}
