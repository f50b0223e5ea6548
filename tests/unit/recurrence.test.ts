import { describe, expect, it } from "vitest";
import { isValidCron, nextOccurrences } from "@/lib/scheduling/recurrence";
import { retryDelayMs } from "@/lib/scheduling/backoff";

describe("recurring schedules", () => {
  it("rejects invalid cron expressions", () => {
    expect(isValidCron("61 * * * *")).toBe(false);
    expect(isValidCron("* * *")).toBe(false);
    expect(isValidCron("30 20 * * 2,4")).toBe(true);
  });

  it("runs 20:30 Asia/Shanghai at 12:30 UTC on Tuesdays and Thursdays", () => {
    const next = nextOccurrences("30 20 * * 2,4", "Asia/Shanghai", new Date("2026-11-21T00:00:00Z"), 3);
    expect(next.map((d) => d.toISOString())).toEqual(["2026-11-24T12:30:00.000Z", "2026-11-26T12:30:00.000Z", "2026-12-01T12:30:00.000Z"]);
  });

  it("keeps 09:00 local in New York across the DST change", () => {
    const next = nextOccurrences("0 9 * * *", "America/New_York", new Date("2026-10-31T00:00:00Z"), 3);
    expect(next.map((d) => d.toISOString())).toEqual(["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });
});

describe("retry backoff", () => {
  it("grows exponentially, never below half its ceiling, capped at 30 minutes", () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, () => 0)).toBe(60_000);
    expect(retryDelayMs(20, () => 1)).toBe(30 * 60_000);
  });
});
