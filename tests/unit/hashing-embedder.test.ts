import { describe, expect, it } from "vitest";
import { createHashingEmbedder, hashingVector, textFeatures } from "@/lib/memory/embedder/hashing-embedder";

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("hashing embedder", () => {
  it("is deterministic, 384-dimensional and unit length", async () => {
    const embedder = createHashingEmbedder(384);
    const [a, b] = await embedder.embed(["品牌调性：温柔、真诚", "品牌调性：温柔、真诚"]);
    expect(a).toHaveLength(384);
    expect(a).toEqual(b);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
  });

  it("reads the keyword index's terms (single Chinese characters among them), plus English stems' trigrams", () => {
    const names = [...textFeatures("口红 Lipsticks").keys()];
    expect(names).toEqual(expect.arrayContaining(["w:口", "w:红", "w:口红", "w:lipstick", "t:#li", "t:ck#"]));
    expect(names).not.toContain("w:lipsticks");
  });

  it("drops stop words, so a question and its answer meet on the words that matter", () => {
    const q = hashingVector("What was researched?", 384);
    expect(cos(q, hashingVector("research", 384))).toBeGreaterThan(0.99);
  });

  it("ranks related Chinese text above unrelated text", () => {
    const q = hashingVector("敏感肌的护肤品推荐", 384);
    expect(cos(q, hashingVector("敏感肌适合的温和护肤品", 384))).toBeGreaterThan(cos(q, hashingVector("周末上海咖啡探店路线", 384)) + 0.2);
  });

  it("keeps a typo close to the right word", () => {
    const q = hashingVector("brand voice gudelines", 384);
    expect(cos(q, hashingVector("brand voice guidelines", 384))).toBeGreaterThan(0.6);
    expect(cos(q, hashingVector("coffee shop map", 384))).toBeLessThan(0.25);
  });

  it("never returns a zero or NaN vector", () => {
    for (const text of ["", "   ", "!!!", "🎉🎉"]) {
      const v = hashingVector(text, 384);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
      expect(v.every(Number.isFinite)).toBe(true);
    }
  });
});

describe("embedding dimension guard", () => {
  it("refuses a vector of the wrong dimension or with NaN", async () => {
    const { assertEmbeddingDim } = await import("@/lib/memory/embedder");
    expect(() => assertEmbeddingDim([0.1, 0.2, 0.3])).toThrow(expect.objectContaining({ code: "UNPROCESSABLE" }));
    expect(() => assertEmbeddingDim(new Array(384).fill(Number.NaN))).toThrow(expect.objectContaining({ code: "UNPROCESSABLE" }));
    expect(assertEmbeddingDim(new Array(384).fill(0))).toHaveLength(384);
  });
});
