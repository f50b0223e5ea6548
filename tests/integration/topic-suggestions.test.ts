/** `#topic` suggestions: a topic rising in competitor notes (scored by the analytics) is suggested first, labelled hot. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getHotTopics } from "@/lib/competitors/queries/hot-topics";
import { addDays, dayKey } from "@/lib/competitors/rules/time-buckets";
import { createCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { ingestCompetitorData } from "@/lib/competitors/ingest/ingest-competitor-data";
import { createDraft } from "@/lib/drafts/create-draft";
import { rankTopics } from "@/lib/drafts/rank-topics";
import { topicSuggestions } from "@/lib/drafts/topic-suggestions";
import { setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

describe("topic suggestions with hot RED topics", () => {
  let db: Db;
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;
  const tz = "Asia/Shanghai";
  const today = dayKey(new Date(), tz);
  const at = (daysAgo: number) => new Date(Date.parse(`${addDays(today, -daysAgo)}T12:00:00+08:00`));
  const note = (id: string, daysAgo: number, likes: number, topics: string[]) => ({
    noteId: id,
    title: `标题${id}`,
    body: "",
    topics,
    type: "normal" as const,
    imagesCount: 1,
    publishedAt: at(daysAgo),
    likes,
    collects: 10,
    comments: 5,
    shares: 5,
    takenAt: at(0),
  });

  beforeAll(async () => {
    db = await migratedDb();
    ws = await setUpWorkspace(db);
    const rival = await createCompetitor(db, ws.admin, { name: "对手", redUserId: "rival_1" });
    // 城市骑行 rises (0 -> 3 notes, high engagement); 防晒 falls (2 -> 0).
    await ingestCompetitorData(
      db,
      ws.admin,
      rival.id,
      {
        notes: [
          note("n1", 1, 2000, ["城市骑行"]),
          note("n2", 2, 1500, ["城市骑行", "周末去哪儿"]),
          note("n3", 3, 900, ["城市骑行"]),
          note("n4", 9, 300, ["防晒"]),
          note("n5", 10, 200, ["防晒"]),
        ],
      },
      "api",
    );
    await createDraft(db, ws.admin, { title: "我们的", text: "正文 #骑行装备 #城市漫步" });
  });

  it("puts the competitor analytics' rising topics first, labelled hot, then the workspace's own", async () => {
    const info = { workspaceId: ws.workspaceId, timezone: tz };
    const hot = (await getHotTopics(db, info, today)).topics.map((t) => t.topic);
    expect(hot[0]).toBe("城市骑行");
    expect(hot).not.toContain("防晒");

    const suggestions = await topicSuggestions(db, info, { withHot: true });
    expect(suggestions[0]).toEqual({ topic: "城市骑行", isHot: true });
    expect(suggestions).toContainEqual({ topic: "骑行装备", isHot: false });
    expect(suggestions.find((s) => s.topic === "防晒")).toBeUndefined();
    expect(suggestions.filter((s) => s.topic === "周末去哪儿")).toHaveLength(1);

    // Prefix matches come first; among equal matches the hot topic leads.
    expect(rankTopics(suggestions, "骑行").map((s) => s.topic)).toEqual(["骑行装备", "城市骑行"]);
    expect(rankTopics(suggestions, "城市").map((s) => [s.topic, s.isHot])).toEqual([
      ["城市骑行", true],
      ["城市漫步", false],
    ]);
  });

  it("leaves hot topics out for members who cannot read competitor data", async () => {
    const suggestions = await topicSuggestions(db, { workspaceId: ws.workspaceId, timezone: tz }, { withHot: false });
    expect(suggestions.some((s) => s.isHot)).toBe(false);
    expect(suggestions.map((s) => s.topic)).toContain("骑行装备");
  });
});
