/**
 * A lone UTF-16 surrogate used to be stored (201) inside the JSON of memory tags; the next stats
 * read decoded it through SQLite's json_each into bytes that are not UTF-8 and the libSQL driver
 * aborted the process, on every restart. Here: the gate refuses it at the route (422, with the
 * field), the client guard repairs what our own code would write, and the one-time repair fixes
 * values already stored (as an escape, or as the raw bytes). A regression aborts this test file.
 */
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as patternsRoute from "@/app/api/v1/memories/analytics/patterns/route";
import * as statsRoute from "@/app/api/v1/memories/analytics/stats/route";
import * as memoriesRoute from "@/app/api/v1/memories/route";
import type { Db } from "@/db/client";
import { repairStoredText, repairStoredTextOnce } from "@/db/repair-stored-text";
import { memories } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import { createMemory } from "@/lib/memory/create-memory";
import { actorOf } from "@/lib/memory/memory-access";
import { callRoute } from "../support/call-route";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("malformed text never reaches a read that crashes", () => {
  let db: Db;
  let token = "";
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const stats = () => callRoute(statsRoute.GET, "/api/v1/memories/analytics/stats", { token });
  const patterns = () => callRoute(patternsRoute.GET, "/api/v1/memories/analytics/patterns", { token });
  /** A second connection without our guard: what an older version or another tool could write. */
  const rawClient = () => createClient({ url: getEnv().database.url });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    token = (await createApiToken(db, ws.admin, { name: "all", permissions: [...ws.admin.permissions], expiresInDays: 1 })).token;
  });

  it("refuses a lone surrogate at the route with 422 and names the field, storing nothing", async () => {
    const res = await callRoute(memoriesRoute.POST, "/api/v1/memories", {
      method: "POST",
      token,
      rawBody: '{"content":"x","tags":["ok","x\\ud800y"]}',
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("MALFORMED_TEXT");
    expect(res.json.error.fieldErrors).toHaveProperty(["tags.1"]);
    expect(res.json.error.messages["zh-CN"]).toMatch(/字符/);
    expect(await db.select().from(memories)).toHaveLength(0);
    expect((await stats()).status).toBe(200);
  });

  it("keeps emoji, RTL marks and zero-width characters (well-formed) as they are", async () => {
    const tags = ["😍好物", "\u202Eabc", "a\u200Bb"];
    const res = await callRoute(memoriesRoute.POST, "/api/v1/memories", { method: "POST", token, body: { content: "ok", tags } });
    expect(res.status).toBe(201);
    expect(res.json.memory.tags).toEqual(tags);
  });

  it("repairs a lone surrogate that our own code would write (an emoji cut in half) instead of storing a crash", async () => {
    const halfEmoji = "好物😍".slice(0, 3); // "好物\ud83d"
    await createMemory(db, actorOf(ws.admin), { content: "cut", tags: [halfEmoji] });
    const [row] = await db.select({ tags: memories.tags }).from(memories).where(eq(memories.content, "cut"));
    expect(row.tags).toEqual(["好物\ufffd"]);
    const res = await stats();
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain("好物\ufffd");
    expect((await patterns()).status).toBe(200);
  });

  it("repairs values already stored as an escape or as raw bytes, once, after which stats read them", async () => {
    const raw = rawClient();
    const [{ id }] = await db.select({ id: memories.id }).from(memories).where(eq(memories.content, "ok"));
    await raw.execute({ sql: "UPDATE memories SET tags = ? WHERE id = ?", args: ['["a\\ud800b","\\ud83d\\ude0d"]', id] });
    await raw.execute({ sql: "UPDATE memories SET content = CAST(X'61EDA080' AS TEXT) WHERE content = 'cut'", args: [] });
    raw.close();

    expect(await repairStoredTextOnce(db.$client)).toBe(2);
    expect(await repairStoredTextOnce(db.$client)).toBeNull(); // once per database
    const [row] = await db.select({ tags: memories.tags }).from(memories).where(eq(memories.id, id));
    expect(row.tags).toEqual(["a\ufffdb", "😍"]); // the valid pair stays an emoji
    const contents = (await db.select({ c: memories.content }).from(memories)).map((r) => r.c);
    expect(contents.find((c) => c.startsWith("a\ufffd"))).toMatch(/^a\ufffd+$/u); // each bad byte a U+FFFD
    expect((await stats()).status).toBe(200);
    expect((await patterns()).status).toBe(200);
    expect(await repairStoredText(db.$client)).toBe(0);
  });
});
