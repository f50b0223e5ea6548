import { describe, expect, it } from "vitest";
import { extractKeywords, segmentWords, topicsInText } from "@/lib/competitors/rules/extract-keywords";
import { rankHotTopics, scoreTopic, topicWindows, twoProportionZ } from "@/lib/competitors/rules/rank-hot-topics";
import { bucketOf, bucketsInRange, localParts, previousPeriod } from "@/lib/competitors/rules/time-buckets";

describe("hot-topic scoring", () => {
  it("computes the two-proportion z-score by hand", () => {
    // p1 = 20/100 = .2, p0 = 5/100 = .05, p = 25/200 = .125
    // se = sqrt(.125 * .875 * (1/100 + 1/100)) = sqrt(.0021875) = .046771
    // z = .15 / .046771 = 3.2071
    expect(twoProportionZ(20, 100, 5, 100)).toBeCloseTo(3.2071, 3);
    expect(twoProportionZ(0, 0, 5, 100)).toBe(0);
  });

  it("scores growth as smoothed log-ratios weighted by volume", () => {
    const s = scoreTopic(
      { topic: "早八妆容", current: { count: 20, engagement: 9999 }, previous: { count: 5, engagement: 999 } },
      { current: 100, previous: 100 },
    );
    // ln(21/6) = 1.25276, ln(10000/1000) = 2.30259, mean = 1.77767, * ln(21) = 3.04452 -> 5.41216
    expect(s.frequencyGrowth).toBeCloseTo(1.25276, 4);
    expect(s.engagementGrowth).toBeCloseTo(2.30259, 4);
    expect(s.score).toBeCloseTo(5.4122, 3);
    expect(s.isSignificant).toBe(true);
  });

  it("uses one typical note's engagement as the prior, so one lucky note does not dominate", () => {
    // k = 500: ln((5500+500)/(0+500)) = ln 12 = 2.48491; freq ln(2/1) = .69315; (2.48491 + .69315)/2 * ln 2 = 1.10143
    const lucky = scoreTopic(
      { topic: "x", current: { count: 1, engagement: 5500 }, previous: { count: 0, engagement: 0 } },
      { current: 50, previous: 50, engagementPerNote: 500 },
    );
    expect(lucky.score).toBeCloseTo(1.10143, 4);
    // ln(21/6) = 1.25276; ln((10000+500)/(1000+500)) = ln 7 = 1.94591; mean 1.59934 * ln 21 = 4.86922
    const broad = scoreTopic(
      { topic: "y", current: { count: 20, engagement: 10000 }, previous: { count: 5, engagement: 1000 } },
      { current: 50, previous: 50, engagementPerNote: 500 },
    );
    expect(broad.score).toBeCloseTo(4.86922, 4);
  });

  it("ranks a broad rise above a single new note, and drops falling topics", () => {
    const totals = { current: 100, previous: 100 };
    const ranked = rankHotTopics(
      [
        { topic: "新品", current: { count: 1, engagement: 500 }, previous: { count: 0, engagement: 0 } },
        { topic: "秋冬穿搭", current: { count: 30, engagement: 6000 }, previous: { count: 10, engagement: 2000 } },
        { topic: "防晒", current: { count: 2, engagement: 100 }, previous: { count: 12, engagement: 3000 } },
      ],
      totals,
    );
    expect(ranked.map((t) => t.topic)).toEqual(["秋冬穿搭", "新品"]);
    expect(ranked[0].isSignificant).toBe(true);
    expect(ranked[1].isSignificant).toBe(false);
  });

  it("splits notes into the last 7 days and the 7 before", () => {
    const end = new Date("2026-11-21T16:00:00Z");
    const at = (daysAgo: number) => new Date(end.getTime() - daysAgo * 86_400_000 + 1000);
    const { inputs, totals } = topicWindows(
      [
        { topics: ["a", "a", "b"], engagement: 10, publishedAt: at(1) },
        { topics: ["a"], engagement: 5, publishedAt: at(8) },
        { topics: ["b"], engagement: 7, publishedAt: at(20) },
      ],
      end,
    );
    expect(totals).toEqual({ current: 1, previous: 1 });
    expect(inputs.find((t) => t.topic === "a")).toEqual({
      topic: "a",
      current: { count: 1, engagement: 10 },
      previous: { count: 1, engagement: 5 },
    });
  });
});

describe("keywords with jieba", () => {
  it("segments Chinese into words and drops stop words, punctuation and topic markup", () => {
    const words = segmentWords("秋冬平价粉底液测评，油皮亲妈的持妆一整天！#粉底液[话题]#");
    expect(words).toContain("粉底液");
    expect(words).toContain("平价");
    expect(words).not.toContain("的");
    expect(words).not.toContain("，");
    expect(words).not.toContain("话题");
  });

  it("counts occurrences and documents", () => {
    const top = extractKeywords(["平价粉底液测评", "粉底液持妆", "口红试色"], 3);
    expect(top[0]).toEqual({ keyword: "粉底液", count: 2, documents: 2 });
  });

  it("reads topics from RED's #topic[话题]# markup", () => {
    expect(topicsInText("今天的妆 #早八妆容[话题]# #通勤[话题]# #早八妆容[话题]#")).toEqual(["早八妆容", "通勤"]);
  });
});

describe("time buckets", () => {
  it("uses the workspace's local day, weekday (Monday 0) and hour", () => {
    // 2026-11-22T17:30Z is Monday 01:30 on 11-23 in Shanghai
    expect(localParts(new Date("2026-11-22T17:30:00Z"), "Asia/Shanghai")).toEqual({ day: "2026-11-23", weekday: 0, hour: 1 });
  });

  it("buckets days into ISO weeks and months", () => {
    expect(bucketOf("2026-11-22", "week")).toBe("2026-11-16");
    expect(bucketOf("2026-11-22", "month")).toBe("2026-11-01");
    expect(bucketsInRange("2026-11-14", "2026-11-24", "week")).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(previousPeriod("2026-11-15", "2026-11-21")).toEqual({ from: "2026-11-08", to: "2026-11-14" });
  });
});
