/**
 * An account's posting rules, as pure functions: at most `dailyCap` posts per local day, at
 * least `spacingMinutes` between two posts, and the next free posting slot (e.g. 08:00, 12:30,
 * 20:30 in the account's time zone) when a wanted time breaks them.
 */
import { dayKey } from "./calendar-range";
import { zonedDateTime } from "@/lib/time/zoned";

export type AccountRules = { dailyCap: number; spacingMinutes: number; slots: string[]; timezone: string };

/** An account's rules, in its own zone or else `fallbackZone` (the workspace's). */
export function accountRules(
  account: { dailyPostCap: number; minSpacingMinutes: number; postingSlots: string[]; timezone: string | null },
  fallbackZone: string,
): AccountRules {
  return {
    dailyCap: account.dailyPostCap,
    spacingMinutes: account.minSpacingMinutes,
    slots: account.postingSlots,
    timezone: account.timezone ?? fallbackZone,
  };
}
export type SlotViolation = { rule: "daily_cap"; day: string; count: number } | { rule: "spacing"; nearest: Date };

export function slotViolations(runAt: Date, existing: Date[], rules: AccountRules): SlotViolation[] {
  const violations: SlotViolation[] = [];
  const day = dayKey(runAt, rules.timezone);
  const sameDay = existing.filter((t) => dayKey(t, rules.timezone) === day).length;
  if (sameDay >= rules.dailyCap) violations.push({ rule: "daily_cap", day, count: sameDay });
  const spacingMs = rules.spacingMinutes * 60_000;
  const nearest = existing.reduce<Date | null>(
    (best, t) => (best && Math.abs(best.getTime() - runAt.getTime()) <= Math.abs(t.getTime() - runAt.getTime()) ? best : t),
    null,
  );
  if (nearest && Math.abs(nearest.getTime() - runAt.getTime()) < spacingMs) violations.push({ rule: "spacing", nearest });
  return violations;
}

/** The first posting slot at or after `after` that breaks no rule, looking up to `horizonDays` ahead. */
export function nextFreeSlot(after: Date, existing: Date[], rules: AccountRules, horizonDays = 14): Date | null {
  if (rules.slots.length === 0) return null;
  const sorted = [...rules.slots].sort();
  for (let d = 0; d <= horizonDays; d++) {
    const day = dayKey(new Date(after.getTime() + d * 86_400_000), rules.timezone);
    for (const slot of sorted) {
      const candidate = zonedDateTime(`${day}T${slot}`, rules.timezone);
      if (candidate && candidate.getTime() >= after.getTime() && slotViolations(candidate, existing, rules).length === 0) return candidate;
    }
  }
  return null;
}
