/**
 * Migration 0025: a memory that named its account in metadata.accountId (how context retrieval
 * found account memories before the scope columns) gets it in account_id, but only when that
 * account belongs to the memory's own workspace. Runs the committed SQL itself, again, over
 * rows written the old way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, memories, workspaces } from "@/db/schema";
import { migrationsFolder } from "@/db/migrate";
import { newId } from "@/lib/ids/new-id";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("0025: metadata.accountId -> account_id", () => {
  let db: Db;
  const ids: Record<string, string> = {};
  let own = "";

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    own = newId("acc");
    await db.insert(accounts).values({ id: own, workspaceId: ws.workspaceId, name: "小鹿", redId: "deer01" });
    const otherWs = newId("ws");
    await db.insert(workspaces).values({ id: otherWs, slug: "other-migration", name: "Other" });
    const foreign = newId("acc");
    await db.insert(accounts).values({ id: foreign, workspaceId: otherWs, name: "别家", redId: "x01" });
    const oldStyle = { own, foreign, missing: "acc_missing", number: 42, none: undefined } as const;
    for (const [key, accountId] of Object.entries(oldStyle)) {
      ids[key] = newId("mry");
      await db.insert(memories).values({
        id: ids[key],
        workspaceId: ws.workspaceId,
        ownerId: ws.admin.userId,
        type: "short_term",
        content: `old ${key}`,
        tags: [],
        metadata: accountId === undefined ? { note: "x" } : { accountId, note: "x" },
      });
    }
  });

  it("moves only ids of the memory's own workspace, and leaves metadata as it was", async () => {
    const text = readFileSync(path.join(migrationsFolder, "0025_memory_scopes_from_metadata.sql"), "utf8");
    await db.run(sql.raw(text));
    const rows = await db.select({ id: memories.id, accountId: memories.accountId, metadata: memories.metadata }).from(memories);
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get(ids.own)?.accountId).toBe(own);
    for (const key of ["foreign", "missing", "number", "none"]) expect(by.get(ids[key])?.accountId, key).toBeNull();
    expect(by.get(ids.own)?.metadata).toEqual({ accountId: own, note: "x" });
  });
});
