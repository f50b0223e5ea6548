/**
 * Memory versions through the real route handlers on a real libSQL file: the history listing
 * (order, pages, who, what changed, visibility, merged members) and restoring a version.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as compressRoute from "@/app/api/v1/memories/compress/route";
import * as restoreRoute from "@/app/api/v1/memories/[id]/history/[versionId]/restore/route";
import * as historyRoute from "@/app/api/v1/memories/[id]/history/route";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import * as searchRoute from "@/app/api/v1/memories/search/route";
import type { Db } from "@/db/client";
import { auditEvents, memories, memoryHistory } from "@/db/schema";
import { memoryHistoryPageSchema } from "@/lib/memory/history/history-schemas";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpOtherWorkspace, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

type Version = { id: number; action: string; actor: { id: string; name: string | null } | null; snapshot: { content: string } | null };

describe("memory history", () => {
  let db: Db;
  let admin = "";
  let writer = { token: "", userId: "" };
  let colleague = "";
  let analyst = "";
  let otherWorkspace = "";

  const create = async (token: string, body: object) => {
    const res = await callRoute(memoriesRoute.POST, "/api/v1/memories", { method: "POST", token, body });
    expect(res.status).toBe(201);
    return res.json.memory.id as string;
  };
  const edit = async (token: string, id: string, body: object) => {
    const res = await callRoute(memoryRoute.PUT, `/api/v1/memories/${id}`, { method: "PUT", token, params: { id }, body });
    expect(res.status).toBe(200);
  };
  const history = (token: string, id: string, search: Record<string, string> = {}) =>
    callRoute(historyRoute.GET, `/api/v1/memories/${id}/history`, { token, params: { id }, search });

  const restore = (token: string, id: string, versionId: string | number, headers: Record<string, string> = {}) =>
    callRoute(restoreRoute.POST, `/api/v1/memories/${id}/history/${versionId}/restore`, {
      method: "POST",
      token,
      headers,
      params: { id, versionId: String(versionId) },
    });
  const versionsOf = async (token: string, id: string) => (await history(token, id)).json.versions as Version[];
  const keywordSearch = async (token: string, query: string) =>
    (
      (await callRoute(searchRoute.POST, "/api/v1/memories/search", { method: "POST", token, body: { query, mode: "keyword" } })).json
        .hits as { memory: { id: string } }[]
    ).map((h) => h.memory.id);
  const storedRow = async (id: string) => (await db.select().from(memories).where(eq(memories.id, id)))[0];
  const historyCount = async () => (await db.select({ n: count() }).from(memoryHistory))[0].n;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = (await memberWithToken(db, ws.admin, "admin")).token;
    const w = await memberWithToken(db, ws.admin, "operator", "writer@example.com");
    writer = { token: w.token, userId: w.ctx.userId };
    colleague = (await memberWithToken(db, ws.admin, "operator", "colleague@example.com")).token;
    analyst = (await memberWithToken(db, ws.admin, "analyst")).token;
    otherWorkspace = (await setUpOtherWorkspace(db, "other-brand", ["memories.read", "memories.write"])).token;
  });

  it("lists the versions newest first, a page at a time, with who did what and what changed", async () => {
    const id = await create(writer.token, { content: "标题不用感叹号", tags: ["标题"], privacy: "workspace" });
    await edit(writer.token, id, { content: "标题不用感叹号，也不用全大写" });
    await edit(writer.token, id, { tags: ["标题", "禁用词"] });
    await edit(writer.token, id, { importance: 0.9 });

    const first = await history(analyst, id, { limit: "2" });
    expect(first.status).toBe(200);
    const page1 = memoryHistoryPageSchema.parse(first.json);
    expect(page1.versions.map((v) => [v.action, v.changes.map((c) => c.field)])).toEqual([
      ["update", ["importance"]],
      ["update", ["tags"]],
    ]);
    expect(page1.versions.map((v) => v.isCurrent)).toEqual([true, false]);
    expect(page1.versions[0].actor).toEqual({ id: writer.userId, name: "operator member" });
    expect(page1.nextCursor).toBeTruthy();

    const second = memoryHistoryPageSchema.parse((await history(analyst, id, { limit: "2", cursor: page1.nextCursor! })).json);
    expect(second.versions.map((v) => v.action)).toEqual(["update", "create"]);
    expect(second.versions[0].changes).toEqual([{ field: "content", before: "标题不用感叹号", after: "标题不用感叹号，也不用全大写" }]);
    expect(second.versions[1].snapshot?.content).toBe("标题不用感叹号");
    expect(second.nextCursor).toBeNull();
    const ids = [...page1.versions, ...second.versions].map((v) => v.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("answers 404 NOT_FOUND for someone else's private memory and another workspace's, as reading it does", async () => {
    const secret = await create(colleague, { content: "报价底线：每篇 3000", privacy: "private" });
    const shared = await create(colleague, { content: "投放时间：晚上八点", privacy: "workspace" });
    for (const [token, id] of [
      [writer.token, secret],
      [admin, secret],
      [otherWorkspace, shared],
    ]) {
      const res = await history(token, id);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("NOT_FOUND");
    }
    expect((await history(colleague, secret)).status).toBe(200);
    expect((await history(writer.token, shared)).status).toBe(200);
  });

  it("keeps the history of a memory merged into another readable", async () => {
    const members = [];
    for (const suffix of ["。", "！", "。评论区多互动。"])
      members.push(await create(writer.token, { content: `封面公式：大字标题加前后对比图，点击率最高${suffix}`, tags: ["封面"] }));
    const run = await callRoute(compressRoute.POST, "/api/v1/memories/compress", { method: "POST", token: writer.token, body: {} });
    expect(run.json.clusters).toBe(1);
    expect(
      (await callRoute(memoryRoute.GET, `/api/v1/memories/${members[0]}`, { token: writer.token, params: { id: members[0] } })).json.memory
        .compressedInto,
    ).toBeTruthy();

    const res = await history(writer.token, members[0]);
    expect(res.status).toBe(200);
    const versions = res.json.versions as Version[];
    expect(versions.map((v) => v.action)).toEqual(["compress", "create"]);
    expect(versions[0].actor?.id).toBe(writer.userId);
  });

  it.each([
    ["an id over 64 characters", "m".repeat(65), {}, 400, "VALIDATION_FAILED"],
    ["an unknown id", "mry_does_not_exist", {}, 404, "NOT_FOUND"],
    ["a forged cursor", "mry_does_not_exist", { cursor: "not-a-cursor" }, 400, "VALIDATION_FAILED"],
    ["limit 0", "mry_does_not_exist", { limit: "0" }, 400, "VALIDATION_FAILED"],
  ])("answers %s with a clear error and code", async (_label, id, search, status, code) => {
    const res = await history(writer.token, id, search as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.suggestion).toBeTruthy();
  });

  describe("restoring a version", () => {
    it("writes the old content, tags and category as a new version, re-embedded and found again by keyword", async () => {
      const id = await create(writer.token, {
        content: "爆款开头：先抛蓝鲸咖啡的反常识结论",
        tags: ["开头"],
        category: "写法",
        privacy: "workspace",
      });
      const embeddedAtFirst = (await storedRow(id)).embedding;
      await edit(writer.token, id, { content: "爆款开头：先讲一个小故事", tags: ["开头", "故事"], category: null, importance: 0.8 });
      expect(await keywordSearch(writer.token, "蓝鲸咖啡")).not.toContain(id);
      const [edited, created] = await versionsOf(writer.token, id);
      expect([edited.action, created.action]).toEqual(["update", "create"]);

      const res = await restore(writer.token, id, created.id);
      expect(res.status).toBe(200);
      expect(res.json.memory).toMatchObject({
        id,
        content: "爆款开头：先抛蓝鲸咖啡的反常识结论",
        tags: ["开头"],
        category: "写法",
        importance: 0.5,
      });

      const versions = memoryHistoryPageSchema.parse((await history(writer.token, id)).json).versions;
      expect(versions.map((v) => v.action)).toEqual(["restore", "update", "create"]);
      expect(versions[0].actor?.id).toBe(writer.userId);
      expect(versions[0].changes.find((c) => c.field === "content")).toEqual({
        field: "content",
        before: "爆款开头：先讲一个小故事",
        after: "爆款开头：先抛蓝鲸咖啡的反常识结论",
      });
      expect(versions.map((v) => v.isCurrent)).toEqual([true, false, true]);
      // Re-embedded from the restored text: the same vector the original text had.
      expect((await storedRow(id)).embedding).toEqual(embeddedAtFirst);
      expect(await keywordSearch(writer.token, "蓝鲸咖啡")).toContain(id);
      expect(await keywordSearch(writer.token, "小故事")).not.toContain(id);
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "memories.restore"), eq(auditEvents.targetId, id)));
      expect(audit.changes?.after).toMatchObject({ versionId: created.id });
    });

    it("refuses the version the memory is in now with 409 MEMORY_VERSION_CURRENT, in both languages, and writes nothing", async () => {
      const id = await create(writer.token, { content: "评论区置顶：回答最常见的三个问题" });
      const [created] = await versionsOf(writer.token, id);
      const before = await historyCount();
      const zh = await restore(writer.token, id, created.id);
      expect(zh.status).toBe(409);
      expect(zh.json.error).toMatchObject({ code: "MEMORY_VERSION_CURRENT", message: "这条记忆现在就是这个版本的内容，无需恢复。" });
      expect(zh.json.error.suggestion).toMatch(/[\u4e00-\u9fff]/);
      const en = await restore(writer.token, id, created.id, { "accept-language": "en" });
      expect(en.json.error.message).toBe("The memory is already in this version's state: there is nothing to restore.");
      expect(await historyCount()).toBe(before);
    });

    it("needs an edit's permission: a colleague without memories.manage gets 403, an admin may, a reader gets 403", async () => {
      const id = await create(writer.token, { content: "发布节奏：每周二、四、六", privacy: "workspace" });
      await edit(writer.token, id, { content: "发布节奏：每天一篇" });
      const [, created] = await versionsOf(writer.token, id);
      for (const token of [colleague, analyst]) {
        const res = await restore(token, id, created.id);
        expect(res.status).toBe(403);
        expect(res.json.error.code).toBe("FORBIDDEN");
      }
      expect((await storedRow(id)).content).toBe("发布节奏：每天一篇");
      const byAdmin = await restore(admin, id, created.id);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.json.memory.content).toBe("发布节奏：每周二、四、六");
    });

    it("answers someone else's private memory and another workspace's with 404, never 403", async () => {
      const secret = await create(colleague, { content: "私人：合作报价 5000", privacy: "private" });
      await edit(colleague, secret, { content: "私人：合作报价 6000" });
      const [, created] = await versionsOf(colleague, secret);
      for (const token of [writer.token, admin, otherWorkspace]) {
        const res = await restore(token, secret, created.id);
        expect(res.status).toBe(404);
        expect(res.json.error.code).toBe("NOT_FOUND");
      }
      expect((await storedRow(secret)).content).toBe("私人：合作报价 6000");
    });

    it.each([
      ["a version id that is not a number", "abc", 400, "VALIDATION_FAILED"],
      ["version id 0", "0", 400, "VALIDATION_FAILED"],
      ["an unknown version", "999999", 404, "NOT_FOUND"],
    ])("answers %s with a clear error and code", async (_label, versionId, status, code) => {
      const id = await create(writer.token, { content: "封面字体：思源黑体加粗" });
      const res = await restore(writer.token, id, versionId);
      expect(res.status).toBe(status);
      expect(res.json.error.code).toBe(code);
      if (status === 400) expect(res.json.error.fieldErrors.versionId).toBeTruthy();
    });

    it("refuses a version of another memory (404) and an id over 64 characters (400)", async () => {
      const a = await create(writer.token, { content: "账号人设：成分党" });
      const b = await create(writer.token, { content: "账号人设：宝妈" });
      const [versionOfA] = await versionsOf(writer.token, a);
      expect((await restore(writer.token, b, versionOfA.id)).json.error.code).toBe("NOT_FOUND");
      const long = await restore(writer.token, "m".repeat(65), versionOfA.id);
      expect(long.status).toBe(400);
      expect(long.json.error.fieldErrors.id).toBeTruthy();
    });

    it("says a deleted memory cannot be restored (409 MEMORY_DELETED), but only to someone who could see it", async () => {
      const gone = await create(writer.token, { content: "旧规则：标题必须带数字", privacy: "workspace" });
      const hidden = await create(colleague, { content: "私人旧规则", privacy: "private" });
      const [v] = await versionsOf(writer.token, gone);
      const [h] = await versionsOf(colleague, hidden);
      for (const [token, id] of [
        [writer.token, gone],
        [colleague, hidden],
      ])
        expect((await callRoute(memoryRoute.DELETE, `/api/v1/memories/${id}`, { method: "DELETE", token, params: { id } })).status).toBe(
          204,
        );
      const res = await restore(writer.token, gone, v.id);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("MEMORY_DELETED");
      expect(res.json.error.messages).toEqual({
        "zh-CN": "这条记忆已被删除，不能恢复它的版本。",
        en: "This memory was deleted, so its versions cannot be restored.",
      });
      expect((await restore(writer.token, hidden, h.id)).json.error.code).toBe("NOT_FOUND");
    });

    it("refuses a member of a merge with 409 MEMORY_MERGED", async () => {
      const members = [];
      for (const suffix of ["。", "！"])
        members.push(await create(writer.token, { content: `收藏率高的笔记都有清单式小标题${suffix}`, tags: ["结构"] }));
      await callRoute(compressRoute.POST, "/api/v1/memories/compress", { method: "POST", token: writer.token, body: {} });
      const [merged, created] = await versionsOf(writer.token, members[0]);
      expect(merged.action).toBe("compress");
      const res = await restore(writer.token, members[0], created.id);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("MEMORY_MERGED");
    });
  });
});
