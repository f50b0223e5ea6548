import { describe, expect, it } from "vitest";
import { calendarRange, dayKey, moveToDay, shiftAnchor } from "@/lib/scheduling/calendar-range";

describe("calendar geometry", () => {
  it("shows Monday to Sunday, bounded in Shanghai time", () => {
    const { days, from, to } = calendarRange("week", "2026-11-21", "Asia/Shanghai");
    expect(days).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(from.toISOString()).toBe("2026-11-15T16:00:00.000Z");
    expect(to.toISOString()).toBe("2026-11-22T16:00:00.000Z");
  });

  it("shows six full weeks for a month, starting on the Monday on or before the 1st", () => {
    const { days } = calendarRange("month", "2026-11-21", "Asia/Shanghai");
    expect(days).toHaveLength(42);
    expect(days[0]).toBe("2026-10-26");
    expect(days).toContain("2026-11-30");
    expect(shiftAnchor("month", "2026-01-31", 1)).toBe("2026-02-01");
  });

  it("puts a job on its local day and keeps its local time when dragged", () => {
    const job = new Date("2026-11-21T12:30:00Z"); // 20:30 in Shanghai
    expect(dayKey(job, "Asia/Shanghai")).toBe("2026-11-21");
    expect(dayKey(new Date("2026-11-21T17:00:00Z"), "Asia/Shanghai")).toBe("2026-11-22");
    expect(moveToDay(job, "2026-11-24", "Asia/Shanghai").toISOString()).toBe("2026-11-24T12:30:00.000Z");
    // 09:00 New York before and after the DST change stays 09:00
    expect(moveToDay(new Date("2026-10-30T13:00:00Z"), "2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T14:00:00.000Z");
  });
});
