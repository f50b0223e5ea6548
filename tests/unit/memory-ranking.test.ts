import { describe, expect, it } from "vitest";
import { estimateTokens, selectMmr } from "@/lib/memory/context/mmr";
import { ftsTerms, toFtsMatch } from "@/lib/memory/search/fts-query";
import { accessScore, rankCandidates, rankingWeights, recencyScore } from "@/lib/memory/search/ranking";

const now = Date.UTC(2026, 0, 31);
const base = { distance: 1, bm25: null, importance: 0, accessCount: 0, lastUsedAt: now };

describe("FTS query sanitising", () => {
  it("quotes every term so FTS syntax is only text", () => {
    expect(toFtsMatch('"AND OR NEAR(')).toBe('"and" OR "near"');
    expect(toFtsMatch("title:* ^boost")).toBe('"title" OR "boost"');
    expect(toFtsMatch("a OR")).toBeNull();
    expect(toFtsMatch("  ")).toBeNull();
  });

  it("splits Chinese into 3-character windows for the trigram tokenizer", () => {
    expect(ftsTerms("敏感肌护肤")).toEqual(["敏感肌", "感肌护", "肌护肤"]);
    expect(ftsTerms("口红")).toEqual([]);
  });
});

describe("hybrid ranking", () => {
  it("weights sum to one", () => {
    expect(Object.values(rankingWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("combines the documented components", () => {
    const [top] = rankCandidates(
      [{ ...base, seq: 1, distance: 0.2, bm25: -4, importance: 0.8, accessCount: 50, lastUsedAt: now }],
      "hybrid",
      now,
    );
    expect(top.parts).toEqual({ vector: 0.8, keyword: 1, importance: 0.8, recency: 1, access: 1 });
    expect(top.score).toBeCloseTo(0.5 * 0.8 + 0.3 + 0.1 * 0.8 + 0.05 + 0.05, 10);
  });

  it("normalises bm25 against the best match; no match scores zero keyword", () => {
    const ranked = rankCandidates(
      [
        { ...base, seq: 1, bm25: -2 },
        { ...base, seq: 2, bm25: -8 },
        { ...base, seq: 3, distance: 0.5 },
      ],
      "keyword",
      now,
    );
    expect(ranked.map((r) => [r.seq, r.parts.keyword])).toEqual([
      [2, 1],
      [1, 0.25],
      [3, 0],
    ]);
  });

  it("decays recency with a 30-day half-life and saturates access counts", () => {
    expect(recencyScore(now - 30 * 86_400_000, now)).toBeCloseTo(0.5, 10);
    expect(recencyScore(now - 60 * 86_400_000, now)).toBeCloseTo(0.25, 10);
    expect(accessScore(0)).toBe(0);
    expect(accessScore(5000)).toBe(1);
  });

  it("lets importance break a near-tie in similarity", () => {
    const ranked = rankCandidates(
      [
        { ...base, seq: 1, distance: 0.3, importance: 0.1 },
        { ...base, seq: 2, distance: 0.32, importance: 0.9 },
      ],
      "hybrid",
      now,
    );
    expect(ranked[0].seq).toBe(2);
  });
});

describe("MMR under a token budget", () => {
  const a = [1, 0];
  it("prefers a diverse second item over a near-duplicate", () => {
    const picked = selectMmr(
      [
        { key: "x", relevance: 0.9, vector: a, tokens: 10 },
        { key: "x-dup", relevance: 0.88, vector: a, tokens: 10 },
        { key: "y", relevance: 0.7, vector: [0, 1], tokens: 10 },
      ],
      { k: 2, tokenBudget: 100 },
    );
    expect(picked.map((p) => p.key)).toEqual(["x", "y"]);
  });

  it("never exceeds the budget", () => {
    const picked = selectMmr(
      [
        { key: "big", relevance: 1, vector: a, tokens: 500 },
        { key: "small", relevance: 0.2, vector: [0, 1], tokens: 50 },
      ],
      { k: 5, tokenBudget: 100 },
    );
    expect(picked.map((p) => p.key)).toEqual(["small"]);
  });

  it("counts Chinese characters as tokens", () => {
    expect(estimateTokens("品牌调性")).toBe(4);
    expect(estimateTokens("brand voice")).toBe(3);
  });
});

describe("relevance gate", () => {
  it("drops candidates that neither match keywords nor are similar enough, however important", () => {
    const ranked = rankCandidates(
      [
        { ...base, seq: 1, distance: 0.95, importance: 1, accessCount: 99 },
        { ...base, seq: 2, distance: 0.7 },
      ],
      "hybrid",
      now,
    );
    expect(ranked.map((r) => r.seq)).toEqual([2]);
  });
});
