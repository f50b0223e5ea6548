/**
 * Calendar keys for rollups and charts. Rollups are stored per local day ("2026-11-21" in the
 * workspace's time zone); week (ISO, Monday start) and month buckets are derived from day keys
 * so no query ever needs time-zone maths in SQL.
 */
import { startOfDayInZone, zoneOffsetMs } from "@/lib/time/zoned";

/** "hour" charts read raw snapshots (no hourly rollup), so it is limited to short ranges. */
export type Granularity = "hour" | "day" | "week" | "month";
export type DayGranularity = Exclude<Granularity, "hour">;

/** Local day key, weekday (0 = Monday) and hour of an instant in `timeZone`. */
export function localParts(instant: Date, timeZone: string): { day: string; weekday: number; hour: number } {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return { day: local.toISOString().slice(0, 10), weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours() };
}

export function dayKey(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).day;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The bucket a day falls into: the day itself, its week's Monday, or the first of its month. */
export function bucketOf(day: string, granularity: DayGranularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Every bucket from `from` to `to` inclusive, so charts show gaps as gaps, not as joined lines. */
export function bucketsInRange(from: string, to: string, granularity: DayGranularity): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const bucket = bucketOf(day, granularity);
    if (out[out.length - 1] !== bucket) out.push(bucket);
  }
  return out;
}

/** The period of equal length right before [from, to]: for "change vs previous period". */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Local hour key of an instant in `timeZone`: "2026-11-21T14" (the hour starting 14:00 local). */
export function hourKey(instant: Date, timeZone: string): string {
  const { day, hour } = localParts(instant, timeZone);
  return `${day}T${String(hour).padStart(2, "0")}`;
}

/**
 * Every local hour from the start of `from` to the end of `to` in `timeZone`, in order. On a DST
 * change a day has 23 or 25 hours; a repeated local hour appears once (its two real hours share it).
 */
export function hourBucketsInRange(from: string, to: string, timeZone: string): string[] {
  const start = startOfDayInZone(from, timeZone)!.getTime();
  const end = startOfDayInZone(addDays(to, 1), timeZone)!.getTime();
  const out: string[] = [];
  for (let t = start; t < end; t += 3_600_000) {
    const key = hourKey(new Date(t), timeZone);
    if (out[out.length - 1] !== key) out.push(key);
  }
  return out;
}
