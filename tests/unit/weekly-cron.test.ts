import { describe, expect, it } from "vitest";
import { isValidCron } from "@/lib/scheduling/recurrence";
import { parseWeeklyCron, weeklyCron } from "@/lib/scheduling/series/weekly-cron";

describe("weekly cron builder", () => {
  it("builds every Tue/Thu 20:30 and reads it back", () => {
    expect(weeklyCron([4, 2], "20:30")).toBe("30 20 * * 2,4");
    expect(isValidCron(weeklyCron([4, 2], "20:30")!)).toBe(true);
    expect(parseWeeklyCron("30 20 * * 2,4")).toEqual({ days: [2, 4], time: "20:30" });
  });

  it("uses * for every day and refuses no day or a bad time", () => {
    expect(weeklyCron([0, 1, 2, 3, 4, 5, 6], "07:05")).toBe("5 7 * * *");
    expect(weeklyCron([], "20:30")).toBeNull();
    expect(weeklyCron([1], "24:00")).toBeNull();
    expect(parseWeeklyCron("*/5 * * * *")).toBeNull();
  });
});
