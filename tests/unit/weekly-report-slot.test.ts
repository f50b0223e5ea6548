/** When the weekly report is due, in the workspace's zone, and which week it covers. */
import { describe, expect, it } from "vitest";
import { weeklyReportSchema } from "@/lib/competitors/reports/weekly-report-settings";
import { isReportDue, latestSlot, weekBefore } from "@/lib/competitors/reports/weekly-report-slot";

describe("weekly report slot", () => {
  // Sunday 2026-11-22 02:30 UTC = Sunday 10:30 in Shanghai, Saturday 21:30 in New York.
  const now = new Date("2026-11-22T02:30:00Z");

  it("finds the latest Monday 09:00 Shanghai before now", () => {
    const slot = latestSlot(now, "Asia/Shanghai", 1, 9);
    expect(slot).toEqual({ day: "2026-11-16", at: new Date("2026-11-16T01:00:00Z") });
  });

  it("counts today's slot once its hour has passed, and last week's before that", () => {
    expect(latestSlot(now, "Asia/Shanghai", 7, 10).day).toBe("2026-11-22"); // Sunday 10:00 has passed
    expect(latestSlot(now, "Asia/Shanghai", 7, 11).day).toBe("2026-11-15"); // 11:00 not yet
    expect(latestSlot(now, "America/New_York", 7, 10).day).toBe("2026-11-15"); // still Saturday there
    expect(latestSlot(now, "America/New_York", 6, 21)).toEqual({ day: "2026-11-21", at: new Date("2026-11-22T02:00:00Z") });
  });

  it("is due once per slot", () => {
    const s = { weekday: 7, hour: 10 };
    expect(isReportDue(now, "Asia/Shanghai", { ...s, lastRunAt: null })).toBe(true);
    expect(isReportDue(now, "Asia/Shanghai", { ...s, lastRunAt: new Date("2026-11-22T01:59:00Z") })).toBe(true); // before 10:00 local
    expect(isReportDue(now, "Asia/Shanghai", { ...s, lastRunAt: new Date("2026-11-22T02:00:00Z") })).toBe(false);
  });

  it("covers the 7 days before the slot's day", () => {
    expect(weekBefore("2026-11-16")).toEqual({ from: "2026-11-09", to: "2026-11-15" });
  });

  it("validates the settings", () => {
    expect(weeklyReportSchema.safeParse({ enabled: true, recipients: [], weekday: 1, hour: 9 }).error?.issues[0].path).toEqual([
      "recipients",
    ]);
    expect(weeklyReportSchema.safeParse({ enabled: false, recipients: [], weekday: 1, hour: 9 }).success).toBe(true);
    expect(weeklyReportSchema.safeParse({ enabled: true, recipients: ["nope"], weekday: 1, hour: 9 }).error?.issues[0].path).toEqual([
      "recipients",
      0,
    ]);
    expect(
      weeklyReportSchema
        .safeParse({ enabled: true, recipients: ["a@example.com"], weekday: 8, hour: 24 })
        .error?.issues.map((i) => i.path[0]),
    ).toEqual(["weekday", "hour"]);
  });
});
