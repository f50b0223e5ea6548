/**
 * Series occurrences under the account's posting rules, like one-off jobs: an occurrence that
 * breaks the daily cap or the minimum spacing moves to the next free posting slot of the same
 * local day, or is skipped when there is none. Each change carries its reason (a PlanNote), so
 * the series view can say why Tuesday's post went out at 22:30 or not at all. Pure.
 */
import type { PlanNote } from "@/db/schema";
import { dayKey } from "../calendar-range";
import { nextFreeSlot, slotViolations, type AccountRules } from "../slot-rules";

export type PlannedOccurrence = { at: Date; runAt: Date; note: PlanNote | null };

/** `taken`: the account's other posts (scheduled, publishing or published) around these times. */
export function planOccurrences(wanted: Date[], taken: Date[], rules: AccountRules): PlannedOccurrence[] {
  const busy = [...taken];
  return wanted.map((at) => {
    const violations = slotViolations(at, busy, rules);
    if (!violations.length) {
      busy.push(at);
      return { at, runAt: at, note: null };
    }
    const rule = violations[0].rule;
    const slot = nextFreeSlot(at, busy, rules, 0);
    if (slot && dayKey(slot, rules.timezone) === dayKey(at, rules.timezone)) {
      busy.push(slot);
      return { at, runAt: slot, note: { action: "shifted", rule, from: at.toISOString() } };
    }
    return { at, runAt: at, note: { action: "skipped", rule, from: at.toISOString() } };
  });
}
