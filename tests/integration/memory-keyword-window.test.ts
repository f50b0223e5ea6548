/** The bounded keyword side of search: a broad query ranks only the newest matches; a workspace drowned out by another's newer matches still gets its own. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { members, memories, users, workspaces } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { keywordCandidates, keywordWindow, searchFilterSql } from "@/lib/memory/search/candidates";
import { toFtsMatch } from "@/lib/memory/search/fts-query";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("keyword candidates window", () => {
  let db: Db;
  let mine: MemoryActor;
  let other: MemoryActor;
  const insert = (actor: MemoryActor, contents: string[]) =>
    db.insert(memories).values(
      contents.map((content) => ({
        id: newId("mry"),
        workspaceId: actor.workspaceId,
        ownerId: actor.userId,
        type: "long_term" as const,
        content,
        tags: [],
        metadata: {},
        privacy: "workspace" as const,
      })),
    );

  beforeAll(async () => {
    db = await migratedDb();
    mine = actorOf((await setUpWorkspace(db)).admin);
    const ws = newId("ws");
    const user = newId("usr");
    await db.insert(workspaces).values({ id: ws, slug: "other-kw", name: "Other" });
    await db.insert(users).values({ id: user, email: "kw@example.com", name: "KW", passwordHash: "x" });
    await db.insert(members).values({ id: newId("mem"), workspaceId: ws, userId: user, role: "admin" });
    other = { workspaceId: ws, userId: user, userName: "KW", canManage: true };
  });

  it("ranks a query with few matches exactly, by bm25", async () => {
    await insert(mine, ["防晒喷雾补涂技巧", "防晒喷雾补涂技巧和防晒霜对比，防晒喷雾更方便", "不相关的早餐笔记"]);
    const found = await keywordCandidates(db, searchFilterSql(mine, {}), toFtsMatch("防晒喷雾"), 10);
    expect(found.size).toBe(2);
    const [best] = [...found.entries()].sort((a, b) => a[1] - b[1]);
    expect(best[1]).toBeLessThan(0);
  });

  it("finds a workspace's own older matches when another workspace's newer ones fill the window", async () => {
    await insert(mine, ["周末下午发布的探店笔记互动最好", "周末下午适合发穿搭"]);
    await insert(
      other,
      Array.from({ length: keywordWindow + 20 }, (_, i) => `周末下午发布 第${i}条`),
    );
    const found = await keywordCandidates(db, searchFilterSql(mine, {}), toFtsMatch("周末下午发布"), 10);
    expect(found.size).toBe(2);
    const theirs = await keywordCandidates(db, searchFilterSql(other, {}), toFtsMatch("周末下午发布"), 10);
    expect(theirs.size).toBe(10);
  });
});
