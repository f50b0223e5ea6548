/** The memory eval's metrics (bench/lib/retrieval-metrics.ts), on lists worked out by hand. */
import { describe, expect, it } from "vitest";
import { scoreRanking, summarize, summarizeByCategory } from "@/bench/lib/retrieval-metrics";

describe("scoreRanking", () => {
  it("counts the share of evidence in the top 5 and top 10, and the rank of the first hit", () => {
    // relevant b (rank 3), c (rank 6), d (rank 11: outside the top 10), e (missing)
    const ranked = ["a", "x", "b", "y", "z", "c", "w", "v", "u", "t", "d"];
    expect(scoreRanking(ranked, ["b", "c", "d", "e"])).toEqual({
      recallAt5: 1 / 4,
      recallAt10: 2 / 4,
      anyHitAt10: 1,
      reciprocalRank: 1 / 3,
    });
  });

  it("is all zeros when nothing relevant is in the top 10", () => {
    const ranked = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "hit"];
    expect(scoreRanking(ranked, ["hit"])).toEqual({ recallAt5: 0, recallAt10: 0, anyHitAt10: 0, reciprocalRank: 0 });
    expect(scoreRanking([], ["hit"])).toEqual({ recallAt5: 0, recallAt10: 0, anyHitAt10: 0, reciprocalRank: 0 });
  });

  it("counts a repeated id once, and a first hit at rank 1 as 1", () => {
    expect(scoreRanking(["a", "a", "a", "a", "a", "b"], ["a", "b"])).toEqual({
      recallAt5: 1 / 2,
      recallAt10: 1,
      anyHitAt10: 1,
      reciprocalRank: 1,
    });
  });

  it("refuses a question without evidence (the eval skips those)", () => {
    expect(() => scoreRanking(["a"], [])).toThrow(/at least one relevant/);
  });
});

describe("summaries", () => {
  const q1 = scoreRanking(["a", "b"], ["a"]); // 1, 1, 1, 1
  const q2 = scoreRanking(["x", "y", "a"], ["a", "b"]); // 0.5, 0.5, 1, 1/3
  const q3 = scoreRanking(["x"], ["a"]); // 0, 0, 0, 0

  it("averages per question", () => {
    const s = summarize([q1, q2, q3]);
    expect(s.n).toBe(3);
    expect(s.recallAt5).toBeCloseTo(1.5 / 3, 12);
    expect(s.recallAt10).toBeCloseTo(1.5 / 3, 12);
    expect(s.anyHitAt10).toBeCloseTo(2 / 3, 12);
    expect(s.mrr).toBeCloseTo((1 + 1 / 3) / 3, 12);
    expect(summarize([])).toEqual({ n: 0, recallAt5: 0, recallAt10: 0, anyHitAt10: 0, mrr: 0 });
  });

  it("groups by category, overall over questions (not over categories), categories in the given order first", () => {
    const out = summarizeByCategory(
      [
        { categories: ["temporal"], score: q1 },
        { categories: ["multi-hop", "zh"], score: q2 },
        { categories: ["temporal", "temporal"], score: q3 },
      ],
      ["multi-hop", "temporal", "commonsense"],
    );
    expect(Object.keys(out)).toEqual(["overall", "multi-hop", "temporal", "commonsense", "zh"]);
    expect(out.overall.n).toBe(3);
    expect(out.overall.recallAt10).toBeCloseTo(0.5, 12);
    expect(out.temporal).toMatchObject({ n: 2, recallAt10: 0.5, anyHitAt10: 0.5, mrr: 0.5 });
    expect(out["multi-hop"]).toMatchObject({ n: 1, recallAt5: 0.5, mrr: 1 / 3 });
    expect(out.commonsense.n).toBe(0);
    expect(out.zh.n).toBe(1);
  });
});
