/**
 * Calendar geometry in the workspace's time zone: which days a week or month view shows
 * (weeks start on Monday, as in China), the instants that bound them, and the day of a job.
 */
import { startOfDayInZone } from "@/lib/time/zoned";

export type CalendarView = "week" | "month" | "list";

/** "2026-11-21" for an instant, in `timeZone`. */
export function dayKey(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

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
