/** The calendar form's simple mode: days of the week + a time of day <-> a 5-field cron. */
export const weekdays = [1, 2, 3, 4, 5, 6, 0] as const;

export function weeklyCron(days: number[], time: string): string | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match || days.length === 0) return null;
  const list = [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  return `${Number(match[2])} ${Number(match[1])} * * ${list.length === 7 ? "*" : list.join(",")}`;
}

/** Reads a cron back into days + time when it is one the simple mode can show; null otherwise. */
export function parseWeeklyCron(cron: string): { days: number[]; time: string } | null {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-6](?:,[0-6])*)$/.exec(cron.trim());
  if (!match) return null;
  const [minute, hour] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 23) return null;
  const days = match[3] === "*" ? [0, 1, 2, 3, 4, 5, 6] : match[3].split(",").map(Number);
  return { days, time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
}
