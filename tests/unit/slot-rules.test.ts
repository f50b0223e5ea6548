import { describe, expect, it } from "vitest";
import { nextFreeSlot, slotViolations, type AccountRules } from "@/lib/scheduling/slot-rules";
import { zonedDateTime } from "@/lib/time/zoned";

const rules: AccountRules = { dailyCap: 2, spacingMinutes: 120, slots: ["08:00", "12:30", "20:30"], timezone: "Asia/Shanghai" };
const at = (local: string) => zonedDateTime(local, "Asia/Shanghai")!;

describe("account posting rules", () => {
  it("reads wall-clock times in the workspace zone, across DST too", () => {
    expect(at("2026-11-23T20:30").toISOString()).toBe("2026-11-23T12:30:00.000Z");
    expect(zonedDateTime("2026-11-01T09:00", "America/New_York")!.toISOString()).toBe("2026-11-01T14:00:00.000Z");
    expect(zonedDateTime("2026-11-01 09:00", "Asia/Shanghai")).toBeNull();
  });

  it("finds the daily cap per local day, and posts too close together", () => {
    const existing = [at("2026-11-23T08:00"), at("2026-11-23T12:30")];
    expect(slotViolations(at("2026-11-23T20:30"), existing, rules).map((v) => v.rule)).toEqual(["daily_cap"]);
    expect(slotViolations(at("2026-11-24T00:30"), existing, rules)).toEqual([]); // another Shanghai day, far enough
    expect(slotViolations(at("2026-11-22T23:30"), [at("2026-11-23T00:30")], rules).map((v) => v.rule)).toEqual(["spacing"]);
  });

  it("offers the next free slot that breaks no rule", () => {
    const existing = [at("2026-11-23T08:00"), at("2026-11-23T12:30")];
    expect(nextFreeSlot(at("2026-11-23T07:00"), existing, rules)?.toISOString()).toBe(at("2026-11-24T08:00").toISOString());
    expect(nextFreeSlot(at("2026-11-23T07:00"), [at("2026-11-23T08:00")], rules)?.toISOString()).toBe(at("2026-11-23T12:30").toISOString());
    expect(nextFreeSlot(at("2026-11-23T07:00"), [], { ...rules, slots: [] })).toBeNull();
  });
});
