import { describe, expect, it } from "vitest";
import { mergeTopicSuggestions, rankTopics } from "@/lib/drafts/rank-topics";

describe("topic suggestions ranking", () => {
  it("puts hot topics first, once each, and marks an own topic that is hot", () => {
    expect(mergeTopicSuggestions(["护肤", "露营"], ["露营", "city walk"])).toEqual([
      { topic: "露营", isHot: true },
      { topic: "city walk", isHot: true },
      { topic: "护肤", isHot: false },
    ]);
  });

  it("ranks prefix matches before substring matches, hot first within each, case-insensitively", () => {
    const list = mergeTopicSuggestions(["咖啡探店", "手冲咖啡", "Coffee"], ["冰咖啡", "咖啡拉花"]);
    expect(rankTopics(list, "咖啡").map((t) => t.topic)).toEqual(["咖啡拉花", "咖啡探店", "冰咖啡", "手冲咖啡"]);
    expect(rankTopics(list, "coff").map((t) => t.topic)).toEqual(["Coffee"]);
    expect(
      rankTopics(list, "")
        .slice(0, 2)
        .map((t) => t.isHot),
    ).toEqual([true, true]);
    expect(rankTopics(list, "", 3)).toHaveLength(3);
  });
});
