import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as approveRoute from "@/app/api/v1/drafts/[id]/approve/route";
import * as commentsRoute from "@/app/api/v1/drafts/[id]/comments/route";
import * as confirmRoute from "@/app/api/v1/drafts/[id]/confirm/route";
import * as presenceRoute from "@/app/api/v1/drafts/[id]/presence/route";
import * as requestChangesRoute from "@/app/api/v1/drafts/[id]/request-changes/route";
import * as reviewRoute from "@/app/api/v1/drafts/[id]/review/route";
import * as draftRoute from "@/app/api/v1/drafts/[id]/route";
import * as submitRoute from "@/app/api/v1/drafts/[id]/submit/route";
import * as draftsRoute from "@/app/api/v1/drafts/route";
import * as searchRoute from "@/app/api/v1/drafts/search/route";
import * as folderRoute from "@/app/api/v1/draft-folders/[id]/route";
import * as foldersRoute from "@/app/api/v1/draft-folders/route";
import * as noteSettingsRoute from "@/app/api/v1/note-settings/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import type { Db } from "@/db/client";
import { drafts } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { docFromText } from "@/lib/drafts/doc-types";
import { saveNoteSettings } from "@/lib/drafts/note-settings-store";
import { defaultNoteSettings } from "@/lib/drafts/note-settings";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("drafts REST API", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  let writer: Awaited<ReturnType<typeof memberWithToken>>;
  let second: Awaited<ReturnType<typeof memberWithToken>>;
  let approver: Awaited<ReturnType<typeof memberWithToken>>;
  let guest: Awaited<ReturnType<typeof memberWithToken>>;
  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    writer = await memberWithToken(db, ws.admin, "operator", "writer@example.com");
    second = await memberWithToken(db, ws.admin, "operator", "second@example.com");
    approver = await memberWithToken(db, ws.admin, "admin", "approver@example.com");
    guest = await memberWithToken(db, ws.admin, "guest", "guest@example.com");
  });

  const create = (token: string, body: unknown) => callRoute(draftsRoute.POST, "/api/v1/drafts", { method: "POST", token, body });
  const put = (token: string, id: string, body: unknown) =>
    callRoute(draftRoute.PUT, `/api/v1/drafts/${id}`, { method: "PUT", token, body, params: { id } });
  const step = (route: typeof submitRoute, name: string, token: string, id: string, body: unknown = {}) =>
    callRoute(route.POST, `/api/v1/drafts/${id}/${name}`, { method: "POST", token, body, params: { id } });

  it("answers a stale autosave from a second client with 409 and the server copy; nothing is lost", async () => {
    const created = await create(writer.token, { title: "周末咖啡地图☕", text: "上海 5 家咖啡店 #咖啡探店" });
    expect(created.status).toBe(201);
    const { id, version } = created.json.draft;
    expect(created.json.draft.topics).toEqual(["咖啡探店"]);

    const a = await put(writer.token, id, { baseVersion: version, doc: docFromText("客户端 A 的版本") });
    expect(a.status).toBe(200);
    const b = await put(second.token, id, { baseVersion: version, doc: docFromText("客户端 B 的版本") });
    expect(b.status).toBe(409);
    expect(b.json.error.code).toBe("DRAFT_CONFLICT");
    expect(b.json.error.details.current).toMatchObject({ version: version + 1, plainText: "客户端 A 的版本" });

    const got = await callRoute(draftRoute.GET, `/api/v1/drafts/${id}`, { token: second.token, params: { id } });
    expect(got.json.draft.plainText).toBe("客户端 A 的版本");
  });

  it("carries images through a conflict: the 409 has their images; keep mine and save-as-copy keep mine", async () => {
    const [a, b, c] = ["a", "b", "c"].map((x) => ({ url: `https://img.example.com/${x}.jpg`, alt: `图 ${x}` }));
    const created = await create(writer.token, { title: "图片冲突", text: "正文", images: [a, b] });
    const { id, version } = created.json.draft;
    // Client A reorders (new cover) and adds an image; client B, still on the first version, removes one.
    const first = await put(writer.token, id, { baseVersion: version, images: [b, a, c] });
    expect(first.status).toBe(200);
    const stale = await put(second.token, id, { baseVersion: version, images: [a] });
    expect(stale.status).toBe(409);
    const theirs = stale.json.error.details.current;
    expect(theirs.images).toEqual([b, a, c]);

    // Save mine as a copy: a new draft with my images; the original keeps theirs.
    const copy = await create(second.token, { title: "图片冲突（我的副本）", text: "正文", images: [a] });
    expect(copy.json.draft.images).toEqual([a]);
    expect((await callRoute(draftRoute.GET, `/api/v1/drafts/${id}`, { token: second.token, params: { id } })).json.draft.images).toEqual([
      b,
      a,
      c,
    ]);

    // Keep mine: saved on top of their version, my images win.
    const kept = await put(second.token, id, { baseVersion: theirs.version, images: [a] });
    expect(kept.status).toBe(200);
    expect(kept.json.draft.images).toEqual([a]);
  });

  it("refuses a 5 MB paste with 413, unknown fields with 400, and stores nothing", async () => {
    const created = await create(writer.token, { title: "原文", text: "原来的内容" });
    const { id } = created.json.draft;
    const huge = await put(writer.token, id, { baseVersion: 1, doc: docFromText("字".repeat((5 * 1024 * 1024) / 3)) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("PAYLOAD_TOO_LARGE");
    const extra = await put(writer.token, id, { baseVersion: 1, title: "x", status: "approved" });
    expect(extra.status).toBe(400);
    const [row] = await db.select().from(drafts).where(eq(drafts.id, id));
    expect(row).toMatchObject({ version: 1, title: "原文", plainText: "原来的内容", status: "draft" });
    expect((await create(guest.token, { title: "访客" })).status).toBe(403);
    expect(
      (await callRoute(draftRoute.DELETE, `/api/v1/drafts/${id}`, { method: "DELETE", token: guest.token, params: { id } })).status,
    ).toBe(403);
    expect((await db.select().from(drafts).where(eq(drafts.id, id))).length).toBe(1);
  });

  it("walks draft -> in_review -> changes_requested -> in_review -> approved, only for those allowed, notifying each side", async () => {
    const { id } = (await create(writer.token, { title: "双十一预热", text: "好物清单 #双十一" })).json.draft;
    expect((await step(approveRoute, "approve", approver.token, id)).json.error.code).toBe("INVALID_TRANSITION");
    expect((await step(submitRoute, "submit", guest.token, id)).status).toBe(403);
    expect((await step(submitRoute, "submit", writer.token, id, { comment: "请审核" })).json.draft.status).toBe("in_review");

    const approverInbox = await callRoute(notificationsRoute.GET, "/api/v1/notifications", { token: approver.token });
    expect(
      approverInbox.json.notifications.map((n: { kind: string; payload: { draftId: string } }) => [n.kind, n.payload.draftId]),
    ).toContainEqual(["draft.submit", id]);

    expect((await step(approveRoute, "approve", second.token, id)).status).toBe(403);
    expect((await step(requestChangesRoute, "request-changes", approver.token, id, {})).status).toBe(400);
    const changes = await step(requestChangesRoute, "request-changes", approver.token, id, { comment: "标题太长了" });
    expect(changes.json.draft.status).toBe("changes_requested");
    const writerInbox = await callRoute(notificationsRoute.GET, "/api/v1/notifications", { token: writer.token, search: { unread: "1" } });
    expect(writerInbox.json.notifications[0]).toMatchObject({ kind: "draft.request_changes", payload: { comment: "标题太长了" } });

    await step(submitRoute, "submit", writer.token, id);
    const approved = await step(approveRoute, "approve", approver.token, id, { comment: "可以发" });
    expect(approved.json.draft.status).toBe("approved");
    const comments = await callRoute(commentsRoute.GET, `/api/v1/drafts/${id}/comments`, { token: writer.token, params: { id } });
    expect(comments.json.comments.map((c: { kind: string }) => c.kind)).toEqual([
      "submitted",
      "changes_requested",
      "submitted",
      "approved",
    ]);

    const guestComment = await callRoute(commentsRoute.POST, `/api/v1/drafts/${id}/comments`, {
      method: "POST",
      token: guest.token,
      body: { body: "路过" },
      params: { id },
    });
    expect(guestComment.status).toBe(403);

    // Editing approved text withdraws the approval.
    const edited = await put(writer.token, id, { baseVersion: approved.json.draft.version, doc: docFromText("改了一个字") });
    expect(edited.json.draft.status).toBe("draft");
  });

  it("blocks the confirmation step on errors, unticked warnings and missing approval, then says ready", async () => {
    const account = await createAccount(db, ws.admin, { name: "主号", redId: "main_1" });
    const draft = (
      await create(writer.token, {
        title: "秋冬护肤",
        text: "保湿三步走",
        accountIds: [account.id],
        images: [{ url: "https://img.example.com/1.jpg", alt: "封面" }],
      })
    ).json.draft;
    const confirm = (body: unknown) =>
      callRoute(confirmRoute.POST, `/api/v1/drafts/${draft.id}/confirm`, {
        method: "POST",
        token: writer.token,
        body,
        params: { id: draft.id },
      });
    const blocked = await confirm({});
    expect(blocked.status).toBe(422);
    expect(blocked.json.error.details).toEqual({ errors: [], unticked: ["no_topics"], needsApproval: true });

    await saveNoteSettings(db, ws.admin, { ...defaultNoteSettings, approvalRequired: false });
    const ready = await confirm({ acknowledged: ["no_topics"] });
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ready: true, targets: [{ id: account.id, name: "主号" }] });
  });

  it("searches Chinese over HTTP, refuses a folder cycle with 422, and reports presence", async () => {
    await create(writer.token, { title: "露营装备清单⛺", text: "天幕、睡袋、折叠椅" });
    const hits = await callRoute(searchRoute.GET, "/api/v1/drafts/search", { token: writer.token, search: { q: "睡袋" } });
    expect(hits.json.hits.map((h: { title: string }) => h.title)).toEqual(["露营装备清单⛺"]);

    const parent = (
      await callRoute(foldersRoute.POST, "/api/v1/draft-folders", { method: "POST", token: writer.token, body: { name: "户外" } })
    ).json.folder;
    const child = (
      await callRoute(foldersRoute.POST, "/api/v1/draft-folders", {
        method: "POST",
        token: writer.token,
        body: { name: "露营", parentId: parent.id },
      })
    ).json.folder;
    const cycle = await callRoute(folderRoute.PATCH, `/api/v1/draft-folders/${parent.id}`, {
      method: "PATCH",
      token: writer.token,
      body: { name: "改名", parentId: child.id },
      params: { id: parent.id },
    });
    expect(cycle.status).toBe(422);
    expect(cycle.json.error.code).toBe("FOLDER_CYCLE");
    const list = await callRoute(foldersRoute.GET, "/api/v1/draft-folders", { token: writer.token });
    expect(list.json.folders.find((f: { id: string }) => f.id === parent.id)).toMatchObject({ name: "户外", parentId: null });

    const { id } = hits.json.hits[0];
    await callRoute(presenceRoute.POST, `/api/v1/drafts/${id}/presence`, { method: "POST", token: writer.token, params: { id } });
    const seen = await callRoute(presenceRoute.POST, `/api/v1/drafts/${id}/presence`, {
      method: "POST",
      token: second.token,
      params: { id },
    });
    expect(seen.json.others.map((o: { name: string }) => o.name)).toEqual(["operator member"]);
    expect(seen.json.others[0].userId).toBe(writer.ctx.userId);
  });

  it("lets only settings managers change the note rules, which the checks then follow", async () => {
    const rules = { ...defaultNoteSettings, titleLimit: 5, bannedWords: ["最好"], approvalRequired: true };
    const put = (token: string, body: unknown) => callRoute(noteSettingsRoute.PUT, "/api/v1/note-settings", { method: "PUT", token, body });
    expect((await put(writer.token, rules)).status).toBe(403);
    expect((await put(approver.token, { ...rules, titleLimit: 0 })).status).toBe(400);
    expect((await put(approver.token, rules)).status).toBe(200);
    const got = await callRoute(noteSettingsRoute.GET, "/api/v1/note-settings", { token: guest.token });
    expect(got.json.settings).toMatchObject({ titleLimit: 5, bannedWords: ["最好"] });

    const { id } = (await create(writer.token, { title: "全网最好的防晒霜", text: "夏天必备 #防晒" })).json.draft;
    const review = await callRoute(reviewRoute.GET, `/api/v1/drafts/${id}/review`, { token: writer.token, params: { id } });
    expect(review.json.checks.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(["title_too_wide", "banned_words"]));

    const unread = await callRoute(notificationsRoute.GET, "/api/v1/notifications", { token: writer.token, search: { unread: "1" } });
    expect(unread.json.notifications.length).toBeGreaterThan(0);
    await callRoute(notificationsRoute.POST, "/api/v1/notifications", { method: "POST", token: writer.token });
    const inbox = await callRoute(notificationsRoute.GET, "/api/v1/notifications", { token: writer.token, search: { unread: "1" } });
    expect(inbox.json.notifications).toEqual([]);
  });
});
