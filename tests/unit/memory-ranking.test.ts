import { describe, expect, it } from "vitest";
import { estimateTokens, selectMmr } from "@/lib/memory/context/mmr";
import { ftsTerms, toFtsMatch } from "@/lib/memory/search/fts-query";
import {
  accessScore,
  builtinFusion,
  fusionFor,
  keywordRelevance,
  providerFusion,
  rankCandidates,
  rankingWeights,
  recencyScore,
} from "@/lib/memory/search/ranking";

const now = Date.UTC(2026, 0, 31);
const base = { distance: 1, keywordScore: null, importance: 0, accessCount: 0, lastUsedAt: now };

describe("FTS query sanitising", () => {
  it("quotes every term so FTS syntax is only text", () => {
    expect(toFtsMatch(ftsTerms('"AND OR NEAR('))).toBe('"near"');
    expect(toFtsMatch(ftsTerms('say "hi" AND title:*'))).toBe('"sai" OR "hi" OR "titl"');
    expect(toFtsMatch(ftsTerms("title:* ^boost"))).toBe('"titl" OR "boost"');
    expect(toFtsMatch(ftsTerms("a OR"))).toBeNull();
    expect(toFtsMatch(ftsTerms("  "))).toBeNull();
  });

  it("analyses the query the way memories are indexed: jieba words and character pairs, English stems without stop words", () => {
    expect(ftsTerms("敏感肌护肤")).toEqual(expect.arrayContaining(["敏感肌", "护肤", "敏感", "感肌", "肌护"]));
    expect(ftsTerms("口红")).toEqual(["口红", "口", "红"]);
    expect(ftsTerms("What did Caroline research?")).toEqual(["carolin", "research"]);
    expect(ftsTerms("the of and 的 了")).toEqual([]);
  });
});

describe("hybrid ranking", () => {
  it("weights sum to one", () => {
    expect(Object.values(rankingWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    for (const f of [builtinFusion, providerFusion]) expect(f.keyword + f.vector).toBeCloseTo(1, 10);
  });

  it("combines the documented components", () => {
    const [top] = rankCandidates(
      [{ ...base, seq: 1, distance: 0.2, keywordScore: 1, importance: 0.8, accessCount: 50, lastUsedAt: now }],
      "hybrid",
      { now },
    );
    const full = 1 - Math.exp(-2);
    expect(top.parts).toEqual({ vector: 0.8, keyword: full, importance: 0.8, recency: 1, access: 1 });
    expect(top.score).toBeCloseTo(0.8 * (0.9 * full + 0.1 * 0.8) + 0.1 * 0.8 + 0.05 + 0.05, 10);
  });

  it("gives a provider's vectors an equal say with keywords", () => {
    const [top] = rankCandidates([{ ...base, seq: 1, distance: 0.4, keywordScore: 1 }], "hybrid", { now, fusion: providerFusion });
    expect(top.score).toBeCloseTo(0.8 * (0.5 * (1 - Math.exp(-2)) + 0.5 * 0.6) + 0.05, 10);
    expect(fusionFor({ provider: "builtin" })).toBe(builtinFusion);
    expect(fusionFor({ provider: "openai" })).toBe(providerFusion);
  });

  it("scores keywords by how much of a full match they are, not against the best candidate; no match scores zero", () => {
    const ranked = rankCandidates(
      [
        { ...base, seq: 1, keywordScore: 0.1 },
        { ...base, seq: 2, keywordScore: 3 },
        { ...base, seq: 3, distance: 0.5 },
      ],
      "keyword",
      { now },
    );
    expect(ranked.map((r) => r.seq)).toEqual([2, 1, 3]);
    expect(ranked[1].parts.keyword).toBeCloseTo(keywordRelevance(0.1), 10);
    expect(ranked[1].parts.keyword).toBeLessThan(0.2); // a weak lone match is not promoted to 1
    expect(ranked[2].parts.keyword).toBe(0);
    expect(keywordRelevance(3)).toBeGreaterThan(keywordRelevance(2));
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
      { now },
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
      { now },
    );
    expect(ranked.map((r) => r.seq)).toEqual([2]);
  });
});
