import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/v1/accounts/[id]/route";
import * as accountsRoute from "@/app/api/v1/accounts/route";
import type { Db } from "@/db/client";
import { accounts, auditEvents, sandboxPublications } from "@/db/schema";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";
import { decryptSecret } from "@/lib/security/crypto/secret-box";
import { callRoute } from "../support/call-route";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

const bridge = { publisherId: "xhs-bridge", publisherConfig: { baseUrl: "http://127.0.0.1:18060", token: "bridge-token-SECRET-1" } };

describe("accounts: fields, CRUD and bad input over the API", () => {
  let db: Db;
  let token: string;
  const post = (body: unknown) => callRoute(accountsRoute.POST, "/api/v1/accounts", { method: "POST", token, body });
  const patch = (id: string, body: unknown) =>
    callRoute(accountRoute.PATCH, `/api/v1/accounts/${id}`, { method: "PATCH", token, body, params: { id } });
  const get = (id: string) => callRoute(accountRoute.GET, `/api/v1/accounts/${id}`, { token, params: { id } });
  const rowCount = async () => (await db.select({ n: count() }).from(accounts))[0].n;

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    token = (await memberWithToken(db, ws.admin, "operator", "ops@example.com")).token;
  });

  it("creates an account with every field; the bridge token is stored encrypted and never returned", async () => {
    const res = await post({
      name: "小鹿美妆日记",
      redId: "xiaolu_beauty",
      bio: "成分党护肤",
      groups: ["美妆", "美妆", "核心号"],
      tags: ["护肤"],
      personaNotes: "语气亲切，不夸大功效",
      timezone: "Asia/Shanghai",
      dailyPostCap: 2,
      minSpacingMinutes: 180,
      postingSlots: ["20:30", "08:00"],
      avatarUrl: "https://cdn.example.com/a.png",
      ...bridge,
    });
    expect(res.status).toBe(201);
    const account = res.json.account;
    expect(account).toMatchObject({ groups: ["美妆", "核心号"], postingSlots: ["08:00", "20:30"], dailyPostCap: 2, status: "active" });
    expect(account.publisher).toEqual({
      id: "xhs-bridge",
      config: {
        baseUrl: "http://127.0.0.1:18060",
        visibility: "公开可见",
        statusTimeoutMs: 45000,
        keystrokeMs: 136,
        imageUploadMs: 2500,
        tagMs: 1700,
        overheadMs: 25000,
        marginPercent: 30,
      },
      secretsSet: ["token"],
    });
    expect(res.text).not.toContain("bridge-token-SECRET-1");
    expect(res.text).not.toContain("publisherSecrets");

    const [row] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row.publisherSecrets).toMatch(/^enc:v1:/);
    expect(JSON.parse(decryptSecret(getKeyRing(), row.publisherSecrets!))).toEqual({ token: "bridge-token-SECRET-1" });
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain("bridge-token-SECRET-1");
    expect((await get(account.id)).text).not.toContain("bridge-token-SECRET-1");
  });

  it("keeps the stored secret when an edit leaves it empty, and replaces it when given", async () => {
    const id = (await callRoute(accountsRoute.GET, "/api/v1/accounts", { token })).json.accounts[0].id;
    expect((await patch(id, { publisherConfig: { baseUrl: "http://127.0.0.1:18061", token: "" } })).status).toBe(200);
    const secretOf = async () =>
      JSON.parse(decryptSecret(getKeyRing(), (await db.select().from(accounts).where(eq(accounts.id, id)))[0].publisherSecrets!));
    expect(await secretOf()).toEqual({ token: "bridge-token-SECRET-1" });
    await patch(id, { publisherConfig: { baseUrl: "http://127.0.0.1:18061", token: "new-token-2" } });
    expect(await secretOf()).toEqual({ token: "new-token-2" });
    expect((await get(id)).json.account.publisher.config.baseUrl).toBe("http://127.0.0.1:18061");
  });

  it.each([
    ["duplicate RED id", { name: "dup", redId: "xiaolu_beauty" }, 409, "redId"],
    ["a cap of -1", { name: "cap", redId: "cap_1", dailyPostCap: -1 }, 400, "dailyPostCap"],
    ["bad slots", { name: "slots", redId: "slots_1", postingSlots: ["25:00", "8:00"] }, 400, "postingSlots.0"],
    [
      "javascript: bridge URL",
      { name: "js", redId: "js_1", publisherId: "xhs-bridge", publisherConfig: { baseUrl: "javascript:alert(1)" } },
      400,
      "publisherConfig.baseUrl",
    ],
    [
      "file: bridge URL",
      { name: "file", redId: "file_1", publisherId: "xhs-bridge", publisherConfig: { baseUrl: "file:///etc/passwd" } },
      400,
      "publisherConfig.baseUrl",
    ],
    [
      "metadata address",
      {
        name: "meta",
        redId: "meta_1",
        publisherId: "webhook",
        publisherConfig: { url: "http://169.254.169.254/latest", secret: "0123456789abcdef" },
      },
      400,
      "publisherConfig.url",
    ],
    [
      "config failing its schema",
      {
        name: "cfg",
        redId: "cfg_1",
        publisherId: "webhook",
        publisherConfig: { url: "https://hooks.example.com/x", secret: "short", extra: 1 },
      },
      400,
      "publisherConfig.secret",
    ],
    ["unknown publisher", { name: "pub", redId: "pub_1", publisherId: "carrier-pigeon" }, 400, "publisherId"],
    ["unknown time zone", { name: "tz", redId: "tz_1", timezone: "Mars/Olympus" }, 400, "timezone"],
  ])("refuses %s with a clear field error and stores nothing", async (_label, body, status, field) => {
    const before = await rowCount();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.json.error.fieldErrors[field], JSON.stringify(res.json.error.fieldErrors)).toBeTruthy();
    expect(await rowCount()).toBe(before);
  });

  it("refuses a bad edit without changing anything", async () => {
    const id = (await post({ name: "编辑测试", redId: "edit_me", tags: ["a"] })).json.account.id;
    const res = await patch(id, { tags: ["b"], dailyPostCap: -1 });
    expect(res.status).toBe(400);
    expect((await get(id)).json.account.tags).toEqual(["a"]);
    expect((await patch(id, { redId: "xiaolu_beauty" })).status).toBe(409);
  });

  it("pauses and resumes with a reason, archives an account without history, refuses one with history (409)", async () => {
    const id = (await post({ name: "暂停测试", redId: "pause_me" })).json.account.id;
    expect((await patch(id, { status: "paused", statusReason: "品牌方暂停合作" })).json.account).toMatchObject({
      status: "paused",
      statusReason: "品牌方暂停合作",
    });
    expect((await patch(id, { status: "active" })).json.account).toMatchObject({ status: "active", statusReason: null });

    expect((await patch(id, { archived: true, bio: "x" })).status).toBe(400);
    const archived = await patch(id, { archived: true });
    expect(archived.status).toBe(200);
    expect(
      (await callRoute(accountsRoute.GET, "/api/v1/accounts", { token })).json.accounts.map((a: { id: string }) => a.id),
    ).not.toContain(id);
    expect((await patch(id, { bio: "after" })).json.error.code).toBe("ACCOUNT_ARCHIVED");

    const busy = (await post({ name: "有历史", redId: "has_history" })).json.account;
    const [acc] = await db.select().from(accounts).where(eq(accounts.id, busy.id));
    await db
      .insert(sandboxPublications)
      .values({ id: "sbx_1", workspaceId: acc.workspaceId, accountId: busy.id, kind: "image", title: "t", payload: {} });
    const refused = await patch(busy.id, { archived: true });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("ACCOUNT_HAS_HISTORY");
    expect(refused.json.error.suggestion).toMatch(/暂停|Pause/);
    expect((await get(busy.id)).json.account.archivedAt).toBeNull();
  });

  it("filters the list by group, tag, status and search", async () => {
    const list = (search: Record<string, string>) => callRoute(accountsRoute.GET, "/api/v1/accounts", { token, search });
    expect((await list({ group: "美妆" })).json.accounts.map((a: { redId: string }) => a.redId)).toEqual(["xiaolu_beauty"]);
    expect((await list({ q: "编辑" })).json.accounts).toHaveLength(1);
    expect((await list({ status: "paused" })).json.accounts).toHaveLength(0);
    expect((await list({ sort: "bogus" })).status).toBe(400);
    expect((await list({})).json.facets.groups).toEqual(expect.arrayContaining(["美妆", "核心号"]));
  });
});
