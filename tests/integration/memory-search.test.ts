/** Hybrid search, ANN vs exact, FTS safety, context retrieval and cache freshness on a real libSQL file. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { retrieveContext } from "@/lib/memory/context/retrieve-context";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { updateMemory } from "@/lib/memory/update-memory";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("memory search", () => {
  let db: Db;
  let admin: MemoryActor;
  let operator: MemoryActor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    admin = actorOf(ws.admin);
    operator = actorOf((await memberWithToken(db, ws.admin, "operator")).ctx);
    const seed: [string, string, Parameters<typeof createMemory>[2]][] = [
      [
        "voice",
        "admin",
        {
          content: "品牌调性：温柔、真诚，像闺蜜聊天，不用夸张词",
          type: "long_term",
          privacy: "workspace",
          importance: 0.95,
          tags: ["品牌"],
        },
      ],
      ["skin", "admin", { content: "敏感肌用户最关心成分是否温和、有没有酒精", privacy: "workspace", tags: ["受众"] }],
      ["coffee", "admin", { content: "上海咖啡探店笔记：周末下午发布互动最高", privacy: "workspace" }],
      [
        "rejected",
        "admin",
        { content: "Rejected: clickbait titles with all caps were turned down by the brand", privacy: "workspace", tags: ["rejected"] },
      ],
      ["worked", "admin", { content: "What worked: carousel posts with a price comparison table got 3x saves", privacy: "workspace" }],
      ["secret", "operator", { content: "私人备忘：敏感肌合作报价底线 5000 元" }],
    ];
    for (const [key, who, input] of seed) ids[key] = (await createMemory(db, who === "admin" ? admin : operator, input)).id;
  });

  const top = async (actor: MemoryActor, query: string, extra: object = {}) =>
    (await searchMemories(db, actor, { query, k: 3, ...extra })).hits.map((h) => h.memory.id);

  it("finds Chinese by meaning and by substring", async () => {
    expect((await top(admin, "敏感肌成分"))[0]).toBe(ids.skin);
    expect((await top(admin, "咖啡探店"))[0]).toBe(ids.coffee);
  });

  it("finds English despite a typo", async () => {
    expect((await top(admin, "clickbait titels rejectd"))[0]).toBe(ids.rejected);
  });

  it("never shows another user's private memory", async () => {
    expect(await top(admin, "敏感肌合作报价底线")).not.toContain(ids.secret);
    expect((await top(operator, "敏感肌合作报价底线"))[0]).toBe(ids.secret);
  });

  it("explains the score components and respects minScore and filters", async () => {
    const { hits } = await searchMemories(db, admin, { query: "品牌调性", k: 5, explain: true });
    expect(hits[0].memory.id).toBe(ids.voice);
    expect(Object.keys(hits[0].explain!)).toEqual(["vector", "keyword", "importance", "recency", "access", "weights"]);
    expect(hits[0].explain!.keyword).toBeGreaterThan(0.8); // the whole query, matched: a full match is 1 − e^−2
    expect((await searchMemories(db, admin, { query: "品牌调性", minScore: 0.99 })).hits).toEqual([]);
    expect(await top(admin, "品牌", { type: "short_term" })).not.toContain(ids.voice);
    expect(await top(admin, "clickbait", { tags: ["rejected"] })).toEqual([ids.rejected]);
  });

  it("treats FTS syntax as text, and refuses k = 0 before it reaches vector_top_k", async () => {
    for (const query of ['"AND OR NEAR(', "* OR ^", "NOT", "'); DROP TABLE memories; --"]) {
      await expect(searchMemories(db, admin, { query })).resolves.toBeDefined();
    }
    await expect(searchMemories(db, admin, { query: "x", k: 0 })).rejects.toMatchObject({ name: "ZodError" });
    await expect(searchMemories(db, admin, { query: "品牌" }, { strategy: "ann" })).resolves.toBeDefined();
  });

  it("answers the same through the DiskANN index as by exact scan", async () => {
    const exact = await searchMemories(db, admin, { query: "敏感肌成分", mode: "vector" }, { cache: false, strategy: "exact" });
    const ann = await searchMemories(db, admin, { query: "敏感肌成分", mode: "vector" }, { cache: false, strategy: "ann" });
    expect(ann.hits.map((h) => h.memory.id)).toEqual(exact.hits.map((h) => h.memory.id));
  });

  it("never serves a stale cached search after a write", async () => {
    const before = await top(admin, "蓝莓酸奶碗"); // now cached
    const m = await createMemory(db, admin, { content: "蓝莓酸奶碗早餐笔记点赞很高", privacy: "workspace" });
    expect(before).not.toContain(m.id);
    expect((await top(admin, "蓝莓酸奶碗"))[0]).toBe(m.id);
    await updateMemory(db, admin, m.id, { content: "芒果椰奶冻" });
    expect(await top(admin, "蓝莓酸奶碗", { minScore: 0.3 })).not.toContain(m.id);
    await deleteMemory(db, admin, m.id);
    expect(await top(admin, "芒果椰奶冻")).not.toContain(m.id);
  });

  it("retrieves context within the token budget, always considering the brand voice, and counts accesses", async () => {
    const result = await retrieveContext(db, admin, { context: "为一篇敏感肌面霜笔记写标题", k: 3, tokenBudget: 80 });
    const got = result.memories.map((m) => m.id);
    expect(got).toContain(ids.skin);
    expect(got).toContain(ids.voice);
    expect(result.tokens).toBeLessThanOrEqual(80);
    expect(result.memories.every((m) => m.accessCount >= 1)).toBe(true);
  });
});
