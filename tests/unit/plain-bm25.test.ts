/** The plain BM25 baseline (bench/lib/plain-bm25.ts) against scores worked out by hand. */
import { describe, expect, it } from "vitest";
import { plainBm25, plainTokens } from "@/bench/lib/plain-bm25";

describe("plainTokens", () => {
  it("lowercases letter and digit runs, and splits Han text into single characters", () => {
    expect(plainTokens("The Cat's mat, 2024!")).toEqual(["the", "cat", "s", "mat", "2024"]);
    expect(plainTokens("品牌调性 Brand-Voice 2024年")).toEqual(["品", "牌", "调", "性", "brand", "voice", "2024", "年"]);
    expect(plainTokens("café naïve")).toEqual(["café", "naïve"]);
    expect(plainTokens("  …  ")).toEqual([]);
  });
});

describe("plainBm25 (k1 1.2, b 0.75)", () => {
  // N = 3, lengths 3, 6, 2: avgdl = 11/3
  const docs = [
    { id: "d0", text: "the cat sat" },
    { id: "d1", text: "the dog sat on the mat" },
    { id: "d2", text: "Cat, cat!" },
  ];
  const bm25 = plainBm25(docs);

  it("uses idf = ln(1 + (N - n + 0.5) / (n + 0.5))", () => {
    expect(bm25.idf("cat")).toBeCloseTo(Math.log(1.6), 12); // n = 2
    expect(bm25.idf("dog")).toBeCloseTo(Math.log(1 + 2.5 / 1.5), 12); // n = 1
    expect(bm25.idf("zebra")).toBe(0);
  });

  it("scores term frequency against document length", () => {
    // d2: tf 2, |d| 2 -> ln 1.6 · 2 · 2.2 / (2 + 1.2 · (0.25 + 0.75 · 2 / (11/3))) = 0.740983
    // d0: tf 1, |d| 3 -> ln 1.6 · 1 · 2.2 / (1 + 1.2 · (0.25 + 0.75 · 3 / (11/3))) = 0.507772
    const hits = bm25.search("cat", 10);
    expect(hits.map((h) => h.id)).toEqual(["d2", "d0"]);
    expect(hits[0].score).toBeCloseTo(0.740983, 6);
    expect(hits[1].score).toBeCloseTo(0.507772, 6);
  });

  it("sums over query tokens, a repeated token counting twice, and cuts at k", () => {
    // d1: dog (n 1) + sat (n 2), both tf 1, |d| 6 -> 1.151153; d0: sat only -> 0.507772
    const hits = bm25.search("Dog sat?", 10);
    expect(hits.map((h) => h.id)).toEqual(["d1", "d0"]);
    expect(hits[0].score).toBeCloseTo(1.151153, 6);
    expect(bm25.search("cat cat", 10)[0].score).toBeCloseTo(2 * 0.740983, 6);
    expect(bm25.search("dog sat", 1).map((h) => h.id)).toEqual(["d1"]);
    expect(bm25.search("zebra", 10)).toEqual([]);
  });

  it("matches Chinese by single characters, and gives a tie to the later document", () => {
    const zh = plainBm25([
      { id: "old", text: "品牌调性" },
      { id: "other", text: "发布时间" },
      { id: "new", text: "品牌调性" },
    ]);
    expect(zh.search("品牌", 10).map((h) => h.id)).toEqual(["new", "old"]);
  });
});
