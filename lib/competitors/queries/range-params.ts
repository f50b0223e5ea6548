/**
 * Dashboard parameters from the URL (?from=&to=&g=&s=): a day range in the workspace's time zone
 * (default: the last 30 days), a granularity and the selected subjects ("c:<id>" competitors,
 * "a:<id>" own accounts). Bad values fall back to defaults rather than failing the page.
 */
import { z } from "zod";
import { addDays, daysBetween, dayKey, type Granularity } from "../rules/time-buckets";

export type SubjectRef = { type: "competitor" | "account"; id: string };
/** `notice`: why the URL's granularity was not honoured (hour over a range longer than maxHourRangeDays). */
export type DashboardRange = {
  from: string;
  to: string;
  granularity: Granularity;
  subjects: SubjectRef[] | null;
  notice?: "hourRangeTooLong";
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
export const maxRangeDays = 731;
/** Hourly series are built from raw snapshots: 14 days is 336 buckets per subject, no more. */
export const maxHourRangeDays = 14;

export const rangeQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    g: z.enum(["hour", "day", "week", "month"]).optional(),
    s: z.string().max(4000).optional(),
  })
  .strict();

export function parseSubjects(raw: string | undefined): SubjectRef[] | null {
  if (!raw) return null;
  const refs = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 50)
    .flatMap((s): SubjectRef[] => {
      const m = /^([ca]):([A-Za-z0-9_-]{1,64})$/.exec(s);
      return m ? [{ type: m[1] === "c" ? "competitor" : "account", id: m[2] }] : [];
    });
  return refs.length ? refs : null;
}

export function resolveRange(raw: Record<string, string | string[] | undefined>, timezone: string, now = new Date()): DashboardRange {
  const pick = (k: string) => (Array.isArray(raw[k]) ? raw[k]![0] : (raw[k] as string | undefined));
  const parsed = rangeQuerySchema.safeParse({ from: pick("from"), to: pick("to"), g: pick("g"), s: pick("s") });
  const q = parsed.success ? parsed.data : {};
  const today = dayKey(now, timezone);
  let to = q.to ?? today;
  let from = q.from ?? addDays(to > today ? today : to, -29);
  if (from > to) [from, to] = [to, from];
  if (to > today) to = today;
  if (from > to) from = addDays(to, -29);
  if (daysBetween(from, to) > maxRangeDays) from = addDays(to, -maxRangeDays);
  const span = daysBetween(from, to);
  const fallback = span > 180 ? "month" : span > 60 ? "week" : "day";
  if (q.g === "hour" && span + 1 > maxHourRangeDays)
    return { from, to, granularity: fallback, subjects: parseSubjects(q.s), notice: "hourRangeTooLong" };
  return { from, to, granularity: q.g ?? fallback, subjects: parseSubjects(q.s) };
}

/** "c:<id>" for a competitor, "a:<id>" for an own account: how the dashboards name a subject. */
export function subjectKeyOf(type: string, id: string): string {
  return `${type === "competitor" ? "c" : "a"}:${id}`;
}

export function subjectKey(s: SubjectRef): string {
  return subjectKeyOf(s.type, s.id);
}
