/**
 * Memory versions through the real route handlers on a real libSQL file: the history listing
 * (order, pages, who, what changed, visibility, merged members) and restoring a version.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as compressRoute from "@/app/api/v1/memories/compress/route";
import * as historyRoute from "@/app/api/v1/memories/[id]/history/route";
import * as memoryRoute from "@/app/api/v1/memories/[id]/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import type { Db } from "@/db/client";
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
});
