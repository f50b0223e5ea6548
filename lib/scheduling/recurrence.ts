/**
 * Recurring series ("every Tue/Thu 20:30"): 5-field cron expressions evaluated in the
 * workspace's time zone (default Asia/Shanghai), so 20:30 stays 20:30 across DST changes.
 */
import { Cron } from "croner";
import { z } from "zod";

const fields = /^\s*\S+(\s+\S+){4}\s*$/;

export function isValidCron(expression: string): boolean {
  if (!fields.test(expression)) return false;
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}

export const cronSchema = z.string().trim().max(120).refine(isValidCron, "Not a valid 5-field cron expression");

export function nextOccurrences(expression: string, timezone: string, from: Date, count: number): Date[] {
  const cron = new Cron(expression, { paused: true, timezone });
  const out: Date[] = [];
  let cursor: Date | null = from;
  while (out.length < count && (cursor = cron.nextRun(cursor))) out.push(cursor);
  return out;
}
