/**
 * When the weekly report is due (pure): the latest slot (weekday + hour, workspace time zone) at
 * or before now, and the 7 local days the report covers (the full week before the slot's day).
 */
import { zonedDateTime } from "@/lib/time/zoned";
import { addDays, localParts } from "../rules/time-buckets";

export function latestSlot(now: Date, timeZone: string, weekday: number, hour: number): { at: Date; day: string } {
  const { day: today, weekday: todayWeekday } = localParts(now, timeZone); // weekday 0 = Monday
  let day = addDays(today, -((todayWeekday + 1 - weekday + 7) % 7));
  let at = zonedDateTime(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone)!;
  if (at.getTime() > now.getTime()) {
    day = addDays(day, -7);
    at = zonedDateTime(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone)!;
  }
  return { at, day };
}

/** Due when the latest slot has passed since the last run (one attempt per slot, however late the tick). */
export function isReportDue(now: Date, timeZone: string, s: { weekday: number; hour: number; lastRunAt: Date | null }): boolean {
  const slot = latestSlot(now, timeZone, s.weekday, s.hour);
  return s.lastRunAt === null || s.lastRunAt.getTime() < slot.at.getTime();
}

/** The 7 local days ending the day before `day`. */
export function weekBefore(day: string): { from: string; to: string } {
  return { from: addDays(day, -7), to: addDays(day, -1) };
}
