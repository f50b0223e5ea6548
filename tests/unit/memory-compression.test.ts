import { describe, expect, it } from "vitest";
import { hashingVector } from "@/lib/memory/embedder/hashing-embedder";
import { mergeCluster } from "@/lib/memory/maintenance/merge-cluster";
import { exactNeighbours, planClusters } from "@/lib/memory/maintenance/plan-clusters";

const item = (seq: number, v: number[], importance = 0.5) => ({ seq, importance, vector: v.map((x) => x / Math.hypot(...v)) });

describe("cluster planning", () => {
  it("groups items that resemble their leader and does not chain", async () => {
    const items = [item(1, [1, 0, 0], 0.9), item(2, [0.95, 0.3, 0]), item(3, [0.6, 0.8, 0]), item(4, [0, 0, 1])];
    expect(await planClusters(items, 0.9, exactNeighbours(items, 0.9))).toEqual([[1, 2]]);
  });

  it("returns no cluster when nothing is similar enough", async () => {
    const items = [item(1, [1, 0]), item(2, [0, 1])];
    expect(await planClusters(items, 0.85, exactNeighbours(items, 0.85))).toEqual([]);
  });
});

describe("extractive merge", () => {
  let clock = Date.parse("2025-03-01T08:00:00Z");
  const m = (content: string, extra: Partial<{ tags: string[]; importance: number; accessCount: number }> = {}) => ({
    content,
    createdAt: new Date((clock += 60_000)),
    tags: [],
    importance: 0.3,
    accessCount: 1,
    category: "voice",
    vector: hashingVector(content, 384),
    ...extra,
  });

  it("keeps every distinct sentence once, unions tags, max importance, summed accesses", () => {
    const merged = mergeCluster([
      m("品牌调性温柔真诚。不用夸张词。", { tags: ["品牌"], importance: 0.4, accessCount: 2 }),
      m("品牌调性温柔真诚。标题不超过20字。", { tags: ["标题"], importance: 0.9, accessCount: 3 }),
      m("品牌调性温柔真诚。", { tags: ["品牌"], accessCount: 0 }),
    ])!;
    expect(merged.content).toBe("品牌调性温柔真诚。不用夸张词。\n标题不超过20字。");
    expect(merged.content.match(/品牌调性温柔真诚/g)).toHaveLength(1);
    expect(merged.content).toContain("不用夸张词");
    expect(merged.content).toContain("标题不超过20字");
    expect(merged.tags.sort()).toEqual(["品牌", "标题"].sort());
    expect(merged.importance).toBe(0.9);
    expect(merged.accessCount).toBe(5);
  });
});
