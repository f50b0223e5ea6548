import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, draftRevisions, drafts, notifications } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { loadWorkspaceContext } from "@/lib/auth/load-context";
import { docFromText } from "@/lib/drafts/doc-types";
import { createDraft } from "@/lib/drafts/create-draft";
import { deleteDraft } from "@/lib/drafts/delete-draft";
import { duplicateDraft } from "@/lib/drafts/duplicate-draft";
import { createFolder, deleteFolder, listFolders, moveFolder } from "@/lib/drafts/folders";
import { findDraft, getDraft } from "@/lib/drafts/get-draft";
import { listDrafts } from "@/lib/drafts/list-drafts";
import { moveDraft } from "@/lib/drafts/move-draft";
import { listRevisions, restoreRevision, revisionDiff } from "@/lib/drafts/revisions";
import { saveDraft } from "@/lib/drafts/save-draft";
import { searchDrafts } from "@/lib/drafts/search-drafts";
import { splitMarked } from "@/lib/drafts/mark-matches";
import { updateMember } from "@/lib/members/update-member";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("drafts: saving, history, folders, search, scope", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
  });

  it("keeps both clients' words on a conflicting autosave: the stale save is refused with the server copy", async () => {
    const draft = await createDraft(db, ws.admin, { title: "秋日穿搭", text: "第一版" });
    const other = await memberWithToken(db, ws.admin, "operator", "writer2@example.com");
    const mine = await saveDraft(db, ws.admin, draft.id, { baseVersion: 1, doc: docFromText("我的修改 #穿搭") });
    expect(mine.version).toBe(2);
    expect(mine.topics).toEqual(["穿搭"]);
    expect(mine.plainText).toBe("我的修改");

    const stale = saveDraft(db, other.ctx, draft.id, { baseVersion: 1, doc: docFromText("对方的修改") });
    await expect(stale).rejects.toMatchObject({ code: "DRAFT_CONFLICT", details: { current: { version: 2, plainText: "我的修改" } } });
    expect((await getDraft(db, ws.admin, draft.id)).plainText).toBe("我的修改");
    // The UI's "keep mine" re-sends on top of the server's version.
    const resolved = await saveDraft(db, other.ctx, draft.id, { baseVersion: 2, doc: docFromText("对方的修改") });
    expect(resolved).toMatchObject({ version: 3, plainText: "对方的修改" });
  });

  it("folds one author's saves within a minute into one revision, starts a new one after, and restores", async () => {
    const draft = await createDraft(db, ws.admin, { title: "咖啡", text: "v1" });
    let v = (await saveDraft(db, ws.admin, draft.id, { baseVersion: 1, doc: docFromText("v2") })).version;
    v = (await saveDraft(db, ws.admin, draft.id, { baseVersion: v, doc: docFromText("v3") })).version;
    let revs = await listRevisions(db, ws.admin, draft.id);
    expect(revs).toHaveLength(1);
    expect(revs[0].version).toBe(3);

    // A minute later the next save starts a new revision.
    await db
      .update(draftRevisions)
      .set({ createdAt: new Date(Date.now() - 61_000) })
      .where(eq(draftRevisions.draftId, draft.id));
    v = (await saveDraft(db, ws.admin, draft.id, { baseVersion: v, title: "咖啡探店", doc: docFromText("今天去了上海的咖啡店") })).version;
    revs = await listRevisions(db, ws.admin, draft.id);
    expect(revs.map((r) => r.version)).toEqual([4, 3]);

    const diff = await revisionDiff(db, ws.admin, draft.id, revs[0].id);
    expect(
      diff.title
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(""),
    ).toBe("探店");
    expect(diff.body.some((p) => p.removed && p.value.includes("v3"))).toBe(true);

    const restored = await restoreRevision(db, ws.admin, draft.id, revs[1].id, v);
    expect(restored).toMatchObject({ version: 5, title: "咖啡", plainText: "v3" });
    await expect(restoreRevision(db, ws.admin, draft.id, revs[1].id, v)).rejects.toMatchObject({ code: "DRAFT_CONFLICT" });
  });

  it("finds Chinese substrings of 2 and 3+ characters with marked matches, and never as HTML", async () => {
    await createDraft(db, ws.admin, { title: "杭州西湖一日游🚣", text: "断桥残雪，苏堤春晓。<b>不是标签</b>" });
    await createDraft(db, ws.admin, { title: "成都美食", text: "火锅和串串，西湖醋鱼也不错" });
    const three = await searchDrafts(db, ws.admin, { q: "西湖一日" });
    expect(three.map((h) => h.title)).toEqual(["杭州西湖一日游🚣"]);
    expect(splitMarked(three[0].titleMarked)).toEqual([
      { text: "杭州", hit: false },
      { text: "西湖一日", hit: true },
      { text: "游🚣", hit: false },
    ]);

    const two = await searchDrafts(db, ws.admin, { q: "西湖" });
    expect(two.map((h) => h.title).sort()).toEqual(["成都美食", "杭州西湖一日游🚣"].sort());
    const body = await searchDrafts(db, ws.admin, { q: "苏堤春晓" });
    expect(splitMarked(body[0].snippet).find((p) => p.hit)?.text).toBe("苏堤春晓");
    expect(body[0].snippet).toContain("<b>不是标签</b>");
    expect(await searchDrafts(db, ws.admin, { q: '"西湖 OR *' })).toEqual([]);

    // Search follows edits (the FTS triggers).
    const [hit] = await searchDrafts(db, ws.admin, { q: "火锅和串串" });
    const d = await getDraft(db, ws.admin, hit.id);
    await saveDraft(db, ws.admin, d.id, { baseVersion: d.version, doc: docFromText("只剩冒菜") });
    expect(await searchDrafts(db, ws.admin, { q: "火锅和串串" })).toEqual([]);
    expect((await searchDrafts(db, ws.admin, { q: "只剩冒菜" })).map((h) => h.id)).toEqual([d.id]);
  });

  it("moves folders, refuses a move into the folder's own child, and keeps drafts when a folder is deleted", async () => {
    const parent = await createFolder(db, ws.admin, { name: "双十一" });
    const child = await createFolder(db, ws.admin, { name: "预热", parentId: parent.id });
    const grandchild = await createFolder(db, ws.admin, { name: "第一波", parentId: child.id });
    await expect(moveFolder(db, ws.admin, parent.id, { parentId: grandchild.id })).rejects.toMatchObject({
      code: "FOLDER_CYCLE",
      status: 422,
    });
    await expect(moveFolder(db, ws.admin, parent.id, { parentId: parent.id })).rejects.toMatchObject({ code: "FOLDER_CYCLE" });
    expect((await listFolders(db, ws.workspaceId)).find((f) => f.id === parent.id)?.parentId).toBeNull();

    await moveFolder(db, ws.admin, grandchild.id, { parentId: null });
    const draft = await createDraft(db, ws.admin, { title: "预热文案", folderId: child.id });
    await moveDraft(db, ws.admin, draft.id, { folderId: grandchild.id });
    expect((await listDrafts(db, ws.admin, { folderId: grandchild.id })).items.map((d) => d.id)).toEqual([draft.id]);
    expect((await getDraft(db, ws.admin, draft.id)).version).toBe(1);

    await deleteFolder(db, ws.admin, grandchild.id);
    expect((await getDraft(db, ws.admin, draft.id)).folderId).toBeNull();
    const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "draft_folder.move"));
    expect(n).toBe(1);
  });

  it("scopes drafts by account grants, filters by account, and duplicates per account", async () => {
    const [a, b] = await Promise.all(["甲", "乙"].map((x) => createAccount(db, ws.admin, { name: `账号${x}`, redId: `red_${x}` })));
    const forA = await createDraft(db, ws.admin, { title: "给甲", accountIds: [a.id] });
    const forB = await createDraft(db, ws.admin, { title: "给乙", accountIds: [b.id] });
    const limited = await memberWithToken(db, ws.admin, "operator", "only-a@example.com");
    await updateMember(db, ws.admin, limited.memberId, { accountScope: "granted", accountIds: [a.id] });
    const ctx = (await loadWorkspaceContext(db, { userId: limited.ctx.userId, workspace: { id: ws.workspaceId }, via: "session" }))!;

    const seen = (await listDrafts(db, ctx, { pageSize: 100 })).items.map((d) => d.id);
    expect(seen).toContain(forA.id);
    expect(seen).not.toContain(forB.id);
    expect(await findDraft(db, ctx, forB.id)).toBeNull();
    expect((await listDrafts(db, ctx, { accountId: b.id })).items).toEqual([]);
    await expect(createDraft(db, ctx, { title: "越权", accountIds: [b.id] })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    // A draft aimed at no account is visible to everyone, until it is aimed at someone else's account.
    const open = await createDraft(db, ws.admin, { title: "还没定账号" });
    expect(await findDraft(db, ctx, open.id)).not.toBeNull();
    await saveDraft(db, ws.admin, open.id, { baseVersion: 1, accountIds: [b.id] });
    expect(await findDraft(db, ctx, open.id)).toBeNull();
    expect((await listDrafts(db, ctx, { pageSize: 100 })).items.map((d) => d.id)).not.toContain(open.id);
    await saveDraft(db, ws.admin, open.id, { baseVersion: 2, accountIds: [] });
    expect((await listDrafts(db, ctx, { pageSize: 100 })).items.map((d) => d.id)).toContain(open.id);

    const copies = await duplicateDraft(db, ws.admin, forA.id, { accountIds: [a.id, b.id] });
    expect(copies.map((c) => c.accountIds)).toEqual([[a.id], [b.id]]);
    expect((await listDrafts(db, ws.admin, { accountId: b.id, pageSize: 100 })).total).toBe(2);
  });

  it("stores script as inert text, refuses an absurd paste without touching the draft, and audits saves", async () => {
    const draft = await createDraft(db, ws.admin, { title: "<img src=x onerror=alert(1)>", text: "<script>alert(1)</script>" });
    expect(draft.title).toBe("<img src=x onerror=alert(1)>");
    expect(draft.doc.content?.[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] });

    const huge = docFromText("长".repeat(60_000));
    await expect(saveDraft(db, ws.admin, draft.id, { baseVersion: 1, doc: huge })).rejects.toMatchObject({
      code: "CONTENT_TOO_LARGE",
      status: 413,
    });
    expect(await getDraft(db, ws.admin, draft.id)).toMatchObject({ version: 1, plainText: "<script>alert(1)</script>" });
    const saves = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, draft.id)));
    expect(saves.map((e) => e.action)).toEqual(["draft.create"]);
    const [{ n }] = await db.select({ n: count() }).from(drafts).where(eq(drafts.workspaceId, ws.workspaceId));
    expect(n).toBeGreaterThan(5);
    expect(await db.select().from(notifications)).toEqual([]);
  });

  it("deletes a draft with its history and search entry, but never a scheduled one", async () => {
    const draft = await createDraft(db, ws.admin, { title: "要删除的草稿", text: "鼓浪屿三日游" });
    await deleteDraft(db, ws.admin, draft.id);
    expect(await findDraft(db, ws.admin, draft.id)).toBeNull();
    expect(await searchDrafts(db, ws.admin, { q: "鼓浪屿三日" })).toEqual([]);
    expect(await db.select().from(draftRevisions).where(eq(draftRevisions.draftId, draft.id))).toEqual([]);
    await expect(deleteDraft(db, ws.admin, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const scheduled = await createDraft(db, ws.admin, { title: "已排期" });
    await db.update(drafts).set({ status: "scheduled" }).where(eq(drafts.id, scheduled.id));
    await expect(deleteDraft(db, ws.admin, scheduled.id)).rejects.toMatchObject({ code: "DRAFT_LOCKED" });
    await expect(saveDraft(db, ws.admin, scheduled.id, { baseVersion: 1, title: "改" })).rejects.toMatchObject({ code: "DRAFT_LOCKED" });
  });
});
