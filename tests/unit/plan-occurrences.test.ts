import { describe, expect, it } from "vitest";
import { planOccurrences } from "@/lib/scheduling/series/plan-occurrences";

const rules = { dailyCap: 2, spacingMinutes: 120, slots: ["08:00", "12:30", "20:30", "22:30"], timezone: "Asia/Shanghai" };
// 20:30 Shanghai = 12:30 UTC.
const at = (iso: string) => new Date(iso);

describe("planOccurrences", () => {
  it("keeps an occurrence that breaks no rule", () => {
    expect(planOccurrences([at("2027-03-09T12:30:00Z")], [], rules)).toEqual([
      { at: at("2027-03-09T12:30:00Z"), runAt: at("2027-03-09T12:30:00Z"), note: null },
    ]);
  });

  it("shifts to the next free slot of the same day when spacing is too short", () => {
    // A one-off post at 19:30 local: 20:30 is within 120 min; 22:30 is free.
    const [planned] = planOccurrences([at("2027-03-09T12:30:00Z")], [at("2027-03-09T11:30:00Z")], rules);
    expect(planned.runAt.toISOString()).toBe("2027-03-09T14:30:00.000Z");
    expect(planned.note).toEqual({ action: "shifted", rule: "spacing", from: "2027-03-09T12:30:00.000Z" });
  });

  it("skips when the day is full, with the reason", () => {
    const [planned] = planOccurrences([at("2027-03-09T12:30:00Z")], [at("2027-03-09T00:00:00Z"), at("2027-03-09T04:30:00Z")], rules);
    expect(planned.note).toEqual({ action: "skipped", rule: "daily_cap", from: "2027-03-09T12:30:00.000Z" });
  });

  it("skips rather than move to another day, and counts its own earlier occurrences", () => {
    // Spacing breaks at 20:30 and the only later slot (22:30) is also too close to a 22:00 post.
    const late = planOccurrences([at("2027-03-09T12:30:00Z")], [at("2027-03-09T12:00:00Z"), at("2027-03-09T14:00:00Z")], {
      ...rules,
      dailyCap: 5,
    });
    expect(late[0].note?.action).toBe("skipped");
    const twice = planOccurrences([at("2027-03-09T12:30:00Z"), at("2027-03-09T13:00:00Z")], [], rules);
    expect(twice[1].note).toEqual({ action: "shifted", rule: "spacing", from: "2027-03-09T13:00:00.000Z" });
    expect(twice[1].runAt.toISOString()).toBe("2027-03-09T14:30:00.000Z");
  });
});
