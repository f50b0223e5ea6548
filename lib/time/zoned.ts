/** Calendar days in a named time zone (workspaces default to Asia/Shanghai). */

// Building a DateTimeFormat costs far more than formatting with one (zone data is looked up
// on construction): one per zone for the life of the process. An unknown zone still throws.
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Asia/Shanghai: +8h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = partsFormat(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a day ("2026-11-21") starts in `timeZone`; null for a malformed day. */
export function startOfDayInZone(day: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(guess)) return null;
  // Two passes settle days on which the offset changes (DST).
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** The instant of a wall-clock time ("2026-11-23T20:30", as a datetime-local input gives it) in `timeZone`. */
export function zonedDateTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const start = startOfDayInZone(match[1], timeZone);
  if (!start) return null;
  const guess = new Date(start.getTime() + (Number(match[2]) * 60 + Number(match[3])) * 60_000);
  // Across a DST change inside the day the offset differs from midnight's: correct once.
  return new Date(guess.getTime() - (zoneOffsetMs(guess, timeZone) - zoneOffsetMs(start, timeZone)));
}
