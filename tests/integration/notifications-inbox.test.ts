/** The header bell's API: unread count, mark one read (own only), mark all read; real review notifications. */
import { beforeAll, describe, expect, it } from "vitest";
import * as readOneRoute from "@/app/api/v1/notifications/[id]/read/route";
import * as inboxRoute from "@/app/api/v1/notifications/route";
import type { Db } from "@/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { advanceDraft } from "@/lib/drafts/workflow";
import { notify } from "@/lib/notifications/notifications";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("notifications inbox", () => {
  let db: Db;
  let writer: Awaited<ReturnType<typeof memberWithToken>>;
  let approver: Awaited<ReturnType<typeof memberWithToken>>;
  const inbox = (token: string, search: Record<string, string> = {}) =>
    callRoute(inboxRoute.GET, "/api/v1/notifications", { token, search });
  const readOne = (token: string, id: string) =>
    callRoute(readOneRoute.POST, `/api/v1/notifications/${id}/read`, { method: "POST", token, params: { id } });

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    writer = await memberWithToken(db, ws.admin, "operator", "writer-bell@example.com");
    approver = await memberWithToken(db, ws.admin, "admin", "approver-bell@example.com");
    for (const title of ["第一篇", "第二篇"]) {
      const draft = await createDraft(db, writer.ctx, { title });
      await advanceDraft(db, writer.ctx, draft.id, "submit");
    }
    await notify(db, ws.admin.workspaceId, [approver.ctx.userId], "publish_failed", {
      title: "失败的笔记",
      jobId: "job_1",
      reason: "账号需要重新登录",
      by: "",
    });
  });

  it("lists newest first with the unread count", async () => {
    const res = await inbox(approver.token);
    expect(res.status).toBe(200);
    expect(res.json.unreadCount).toBe(3);
    expect(res.json.notifications.map((n: { kind: string }) => n.kind)).toEqual(["publish_failed", "draft.submit", "draft.submit"]);
    expect((await inbox(writer.token)).json.unreadCount).toBe(0);
  });

  it("marks one read, once; someone else's notification is a 404 and stays unread", async () => {
    const [first, second] = (await inbox(approver.token)).json.notifications;
    expect((await readOne(writer.token, first.id)).status).toBe(404);
    expect((await readOne(approver.token, "ntf_nope")).status).toBe(404);
    expect((await readOne(approver.token, first.id)).status).toBe(200);
    expect((await readOne(approver.token, first.id)).status).toBe(200);
    const after = await inbox(approver.token);
    expect(after.json.unreadCount).toBe(2);
    expect(after.json.notifications.find((n: { id: string }) => n.id === first.id).readAt).not.toBeNull();
    expect(after.json.notifications.find((n: { id: string }) => n.id === second.id).readAt).toBeNull();
    expect((await inbox(approver.token, { unread: "1" })).json.notifications).toHaveLength(2);
  });

  it("marks all read and limits the list", async () => {
    expect((await inbox(approver.token, { limit: "1" })).json.notifications).toHaveLength(1);
    expect((await inbox(approver.token, { limit: "1000" })).status).toBe(400);
    await callRoute(inboxRoute.POST, "/api/v1/notifications", { method: "POST", token: approver.token });
    expect((await inbox(approver.token)).json.unreadCount).toBe(0);
  });
});
