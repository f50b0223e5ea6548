import { describe, expect, it } from "vitest";
import { cesScore, cesWeightsSchema, defaultCesWeights } from "@/lib/competitors/rules/ces-score";
import { changeRatio, engagementOf, engagementRate, followerGrowth, perThousandFollowers } from "@/lib/competitors/rules/engagement";
import { commonViralTiers, isViral, viralThreshold } from "@/lib/competitors/rules/viral-note";
import { titleWidth } from "@/lib/competitors/rules/title-width";

describe("engagement and rates", () => {
  const note = { likes: 120, collects: 45, comments: 30, shares: 5 };

  it("sums likes, collects, comments and shares", () => {
    expect(engagementOf(note)).toBe(200);
  });

  it("divides by views when known, else by followers, else gives no rate", () => {
    expect(engagementRate(200, { views: 4000, followers: 1000 })).toEqual({ rate: 0.05, basis: "views" });
    expect(engagementRate(200, { views: null, followers: 1000 })).toEqual({ rate: 0.2, basis: "followers" });
    expect(engagementRate(200, { views: 0, followers: 0 })).toBeNull();
  });

  it("computes follower growth against the start of the period", () => {
    expect(followerGrowth(8000, 9000)).toEqual({ net: 1000, rate: 0.125 });
    expect(followerGrowth(1000, 900)).toEqual({ net: -100, rate: -0.1 });
    expect(followerGrowth(0, 50)).toEqual({ net: 50, rate: null });
    expect(followerGrowth(null, 50)).toBeNull();
  });

  it("normalises per 1,000 followers and compares periods", () => {
    expect(perThousandFollowers(150, 50_000)).toBe(3);
    expect(perThousandFollowers(150, 0)).toBeNull();
    expect(changeRatio(70, 100)).toBeCloseTo(-0.3);
    expect(changeRatio(5, 0)).toBeNull();
  });
});

describe("CES score (industry estimate)", () => {
  it("weights like 1, collect 1, comment 4, share 4, follow 8 by default", () => {
    // 120 + 45 + 30*4 + 5*4 + 2*8 = 120 + 45 + 120 + 20 + 16 = 321
    expect(cesScore({ likes: 120, collects: 45, comments: 30, shares: 5, follows: 2 })).toBe(321);
    expect(cesScore({ likes: 120, collects: 45, comments: 30, shares: 5 })).toBe(305);
  });

  it("uses the workspace's weights when configured", () => {
    const weights = { ...defaultCesWeights, comment: 2, share: 10 };
    // 120 + 45 + 60 + 50 = 275
    expect(cesScore({ likes: 120, collects: 45, comments: 30, shares: 5 }, weights)).toBe(275);
    expect(cesWeightsSchema.safeParse({ ...weights, like: -1 }).success).toBe(false);
  });
});

describe("viral notes", () => {
  it("uses 1000 likes by default", () => {
    expect(isViral(999, 50_000)).toBe(false);
    expect(isViral(1000, 50_000)).toBe(true);
  });

  it("tiers by account size when configured", () => {
    const rule = { minLikes: 1000, tiers: commonViralTiers };
    expect(viralThreshold(rule, 5_000)).toBe(800);
    expect(viralThreshold(rule, 50_000)).toBe(10_000);
    expect(viralThreshold(rule, 500_000)).toBe(1000);
    expect(viralThreshold(rule, null)).toBe(1000);
    expect(isViral(850, 9_999, rule)).toBe(true);
    expect(isViral(9_000, 20_000, rule)).toBe(false);
  });
});

describe("title width", () => {
  it("counts CJK as 2, ASCII as 1, halved and rounded up", () => {
    expect(titleWidth("秋冬平价粉底液")).toBe(7);
    expect(titleWidth("OOTD")).toBe(2);
    expect(titleWidth("OOTD通勤穿搭")).toBe(6);
  });
});
