/**
 * Demo drafts: a couple of folders and notes at different workflow steps, so the drafts list,
 * search and preview have something real to show on a fresh install.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, draftFolders, drafts } from "@/db/schema";
import type { WorkspaceContext } from "@/lib/auth/context";
import { insertDraft } from "@/lib/drafts/create-draft";
import { docFromText } from "@/lib/drafts/doc-types";
import { newId } from "@/lib/ids/new-id";

const notes: { title: string; text: string; folder: 0 | 1 | null; status: "draft" | "in_review" | "approved"; account: number }[] = [
  {
    title: "秋冬护肤三步走🍂",
    text: "换季皮肤干到起皮？\n洁面、保湿、防晒，三步就够了\n敏感肌姐妹看过来✨\n#秋冬护肤 #敏感肌",
    folder: 0,
    status: "approved",
    account: 3,
  },
  {
    title: "通勤穿搭一周不重样",
    text: "周一：西装外套+直筒裤\n周二：针织开衫+半裙\n#通勤穿搭 #OOTD",
    folder: 0,
    status: "in_review",
    account: 1,
  },
  {
    title: "一人食｜15 分钟番茄牛腩",
    text: "下班回家也能好好吃饭🍅\n番茄炒出沙，加牛腩焖 10 分钟\n#一人食 #快手菜",
    folder: 1,
    status: "draft",
    account: 4,
  },
  {
    title: "上海周末去哪儿：滨江骑行",
    text: "从徐汇滨江一路骑到前滩，风景超好🚲\n#上海周末 #骑行",
    folder: null,
    status: "draft",
    account: 2,
  },
];

export async function seedDemoDrafts(db: Db, input: { workspaceId: string; adminUserId: string; adminName: string }): Promise<void> {
  const ctx: WorkspaceContext = {
    userId: input.adminUserId,
    userName: input.adminName,
    workspaceId: input.workspaceId,
    workspaceSlug: "",
    memberId: "",
    role: "admin",
    permissions: new Set(),
    accountIds: null,
    via: "session",
  };
  await db.transaction(async (tx) => {
    const accountRows = await tx
      .select({ id: accounts.id, redId: accounts.redId })
      .from(accounts)
      .where(eq(accounts.workspaceId, input.workspaceId));
    const folderIds = [newId("fld"), newId("fld")];
    await tx.insert(draftFolders).values([
      { id: folderIds[0], workspaceId: input.workspaceId, name: "双十一选题" },
      { id: folderIds[1], workspaceId: input.workspaceId, name: "日常更新" },
    ]);
    for (const note of notes) {
      const account = accountRows[note.account];
      const id = await insertDraft(
        tx,
        ctx,
        {
          title: note.title,
          doc: docFromText(note.text),
          folderId: note.folder === null ? null : folderIds[note.folder],
          accountIds: account ? [account.id] : [],
        },
        "demo.seed_draft",
      );
      if (note.status !== "draft") await tx.update(drafts).set({ status: note.status }).where(eq(drafts.id, id));
    }
  });
}
