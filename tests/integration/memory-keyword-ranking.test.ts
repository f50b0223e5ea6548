/**
 * The keyword side of search ranks the whole filtered set by bm25: an old memory is found under
 * hundreds of newer matches, the caller's filters apply before the ranking, and another
 * workspace's matches never crowd out the caller's own.
 */
import { memoryFilterSql } from "@/lib/memory/filters/compile-memory-filter";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { members, memories, users, workspaces } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { keywordCandidates } from "@/lib/memory/search/candidates";
import { searchColumns } from "@/lib/memory/search/search-columns";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("keyword candidates", () => {
  let db: Db;
  let mine: MemoryActor;
  let other: MemoryActor;
  const insert = async (actor: MemoryActor, contents: string[], tags: string[] = []) => {
    const rows = contents.map((content) => ({
      id: newId("mry"),
      workspaceId: actor.workspaceId,
      ownerId: actor.userId,
      type: "long_term" as const,
      content,
      tags,
      metadata: {},
      privacy: "workspace" as const,
      ...searchColumns({ content, tags }),
    }));
    await db.insert(memories).values(rows);
    return rows.map((r) => r.id);
  };
  const seqOf = async (id: string) =>
    (await db.select({ seq: memories.seq, id: memories.id }).from(memories)).find((r) => r.id === id)!.seq;
  const ranked = (found: Map<number, number>) => [...found.entries()].sort((a, b) => b[1] - a[1]).map(([seq]) => seq);

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

  it("ranks by bm25: the memory that says more about the query comes first", async () => {
    const [once, twice] = await insert(mine, ["防晒喷雾补涂技巧", "防晒喷雾补涂技巧和防晒霜对比，防晒喷雾更方便", "不相关的早餐笔记"]);
    const found = await keywordCandidates(db, memoryFilterSql(mine, {}), "防晒喷雾", 10);
    expect(found.size).toBe(2);
    expect(ranked(found)).toEqual([await seqOf(twice), await seqOf(once)]);
  });

  it("finds a memory older than 300 newer matches when it is the best match", async () => {
    const [old] = await insert(mine, ["Caroline researched adoption agencies for weeks before she applied"]);
    await insert(
      mine,
      Array.from({ length: 300 }, (_, i) => `Caroline mentioned her weekend plans again, note ${i}`),
    );
    const found = await keywordCandidates(db, memoryFilterSql(mine, {}), "What did Caroline research?", 10);
    expect(ranked(found)[0]).toBe(await seqOf(old));
  });

  it("applies the caller's filters before ranking, so a filtered search still sees every match", async () => {
    const [tagged] = await insert(mine, ["weekend hiking trip with the team"], ["conv:a"]);
    await insert(
      mine,
      Array.from({ length: 300 }, (_, i) => `weekend hiking trip with the team, number ${i}, hiking hiking`),
      ["conv:b"],
    );
    const found = await keywordCandidates(db, memoryFilterSql(mine, { tags: ["conv:a"] }), "weekend hiking", 10);
    expect([...found.keys()]).toEqual([await seqOf(tagged)]);
  });

  it("keeps another workspace's matches out, however many and however new", async () => {
    await insert(mine, ["周末下午发布的探店笔记互动最好", "周末下午适合发穿搭"]);
    await insert(
      other,
      Array.from({ length: 250 }, (_, i) => `周末下午发布 第${i}条`),
    );
    const found = await keywordCandidates(db, memoryFilterSql(mine, {}), "周末下午发布", 10);
    const contents = await db.select({ seq: memories.seq, ws: memories.workspaceId }).from(memories);
    const wsOf = new Map(contents.map((c) => [c.seq, c.ws]));
    expect(found.size).toBeGreaterThanOrEqual(2);
    expect([...found.keys()].every((seq) => wsOf.get(seq) === mine.workspaceId)).toBe(true);
    const theirs = await keywordCandidates(db, memoryFilterSql(other, {}), "周末下午发布", 10);
    expect(theirs.size).toBe(10);
  });
});
