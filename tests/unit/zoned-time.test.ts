import { describe, expect, it } from "vitest";
import { startOfDayInZone, zoneOffsetMs } from "@/lib/time/zoned";

describe("days in a time zone", () => {
  it("starts a Shanghai day at 16:00 UTC the day before", () => {
    expect(startOfDayInZone("2026-11-21", "Asia/Shanghai")?.toISOString()).toBe("2026-11-20T16:00:00.000Z");
  });

  it("follows New York's DST change", () => {
    expect(startOfDayInZone("2026-07-01", "America/New_York")?.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfDayInZone("2026-12-01", "America/New_York")?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(zoneOffsetMs(new Date("2026-11-21T00:00:00Z"), "Asia/Shanghai")).toBe(8 * 3600_000);
  });

  it("rejects malformed days", () => {
    expect(startOfDayInZone("2026-1-1", "Asia/Shanghai")).toBeNull();
    expect(startOfDayInZone("yesterday", "Asia/Shanghai")).toBeNull();
  });
});
