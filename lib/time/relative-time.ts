/** "3 分钟前" / "3 minutes ago": the largest whole unit between `then` and `now`. */
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function relativeTime(then: Date, now: Date, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const elapsed = now.getTime() - then.getTime();
  for (const [unit, ms] of units) if (Math.abs(elapsed) >= ms) return format.format(-Math.trunc(elapsed / ms), unit);
  return format.format(0, "second");
}
