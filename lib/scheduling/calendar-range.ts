/**
 * Calendar geometry in the workspace's time zone: which days a week or month view shows
 * (weeks start on Monday, as in China), the instants that bound them, and the day of a job.
 */
import { addDays, bucketOf, dayKey } from "@/lib/competitors/rules/time-buckets";
import { startOfDayInZone } from "@/lib/time/zoned";

export type CalendarView = "week" | "month" | "list";

/** "2026-11-21" for an instant, in `timeZone` (the one day-key rule, from time-buckets). */
export { dayKey };

const mondayOf = (day: string) => bucketOf(day, "week");

export function calendarDays(view: CalendarView, anchor: string): string[] {
  if (view === "week" || view === "list") return Array.from({ length: 7 }, (_, i) => addDays(mondayOf(anchor), i));
  const first = `${anchor.slice(0, 7)}-01`;
  const start = mondayOf(first);
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

export function calendarRange(view: CalendarView, anchor: string, timeZone: string): { days: string[]; from: Date; to: Date } {
  const days = calendarDays(view, anchor);
  return { days, from: startOfDayInZone(days[0], timeZone)!, to: startOfDayInZone(addDays(days[days.length - 1], 1), timeZone)! };
}

/** The anchor of the previous / next page of the view. */
export function shiftAnchor(view: CalendarView, anchor: string, direction: -1 | 1): string {
  if (view === "month") {
    const d = new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + direction);
    return d.toISOString().slice(0, 10);
  }
  return addDays(anchor, 7 * direction);
}

/** The same wall-clock time on another day, in `timeZone` (for drag-to-reschedule). */
export function moveToDay(instant: Date, day: string, timeZone: string): Date {
  const start = startOfDayInZone(dayKey(instant, timeZone), timeZone)!;
  const target = startOfDayInZone(day, timeZone)!;
  return new Date(target.getTime() + (instant.getTime() - start.getTime()));
}
