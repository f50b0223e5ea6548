/**
 * When a trend deserves an alert (pure): a competitor's posting cadence doubles week on week
 * (at least 4 notes this week, so 1 -> 2 is not news), or an own account's engagement drops by
 * 30% or more week on week (from at least 100, so tiny accounts do not flap).
 */
export type WeekOverWeek = { notesLast7: number; notesPrev7: number; engagementLast7: number; engagementPrev7: number };
export type TrendAlertKind = "cadence_doubled" | "engagement_drop";

export const trendAlertRules = { cadenceFactor: 2, cadenceMinNotes: 4, engagementDrop: 0.3, engagementMinPrevious: 100 };

export function trendAlertsFor(subjectType: "competitor" | "account", w: WeekOverWeek, rules = trendAlertRules): TrendAlertKind[] {
  const out: TrendAlertKind[] = [];
  if (
    subjectType === "competitor" &&
    w.notesLast7 >= rules.cadenceMinNotes &&
    w.notesLast7 >= rules.cadenceFactor * Math.max(w.notesPrev7, 1)
  )
    out.push("cadence_doubled");
  if (
    subjectType === "account" &&
    w.engagementPrev7 >= rules.engagementMinPrevious &&
    w.engagementLast7 <= (1 - rules.engagementDrop) * w.engagementPrev7
  )
    out.push("engagement_drop");
  return out;
}
