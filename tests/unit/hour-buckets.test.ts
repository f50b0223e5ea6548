/** Hour buckets in the workspace's zone (incl. DST days) and the 14-day limit on hourly ranges. */
import { describe, expect, it } from "vitest";
import { maxHourRangeDays, resolveRange } from "@/lib/competitors/queries/range-params";
import { hourBucketsInRange, hourKey } from "@/lib/competitors/rules/time-buckets";

describe("hour buckets", () => {
  it("keys an instant by its local hour", () => {
    // 2026-11-21 17:30 UTC is 01:30 the next day in Shanghai, 12:30 the same day in New York.
    const at = new Date("2026-11-21T17:30:00Z");
    expect(hourKey(at, "Asia/Shanghai")).toBe("2026-11-22T01");
    expect(hourKey(at, "America/New_York")).toBe("2026-11-21T12");
    expect(hourKey(at, "UTC")).toBe("2026-11-21T17");
  });

  it("lists 24 local hours per day, starting at local midnight", () => {
    const hours = hourBucketsInRange("2026-11-20", "2026-11-21", "Asia/Shanghai");
    expect(hours).toHaveLength(48);
    expect(hours[0]).toBe("2026-11-20T00");
    expect(hours[47]).toBe("2026-11-21T23");
  });

  it("has 23 hours on a spring-forward day and 24 distinct keys on a fall-back day", () => {
    const spring = hourBucketsInRange("2026-03-08", "2026-03-08", "America/New_York");
    expect(spring).toHaveLength(23);
    expect(spring).not.toContain("2026-03-08T02");
    const fall = hourBucketsInRange("2026-11-01", "2026-11-01", "America/New_York");
    expect(fall).toHaveLength(24); // 25 real hours, 01:00 repeated once
    expect(new Set(fall).size).toBe(24);
  });
});

describe("hour granularity in the range parameters", () => {
  const now = new Date("2026-11-21T04:00:00Z");
  it("keeps hour for ranges up to the limit", () => {
    const range = resolveRange({ from: "2026-11-08", to: "2026-11-21", g: "hour" }, "Asia/Shanghai", now);
    expect(maxHourRangeDays).toBe(14);
    expect(range).toMatchObject({ granularity: "hour", from: "2026-11-08", to: "2026-11-21" });
    expect(range.notice).toBeUndefined();
  });

  it("falls back to the range's default granularity with a notice past the limit", () => {
    expect(resolveRange({ from: "2026-11-07", to: "2026-11-21", g: "hour" }, "Asia/Shanghai", now)).toMatchObject({
      granularity: "day",
      notice: "hourRangeTooLong",
    });
    expect(resolveRange({ from: "2026-01-01", to: "2026-11-21", g: "hour" }, "Asia/Shanghai", now)).toMatchObject({
      granularity: "month",
      notice: "hourRangeTooLong",
    });
  });
});
