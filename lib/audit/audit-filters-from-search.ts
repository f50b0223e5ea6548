/** URL search params of the audit page/export -> a validated audit query (days in the workspace zone). */
import { startOfDayInZone } from "@/lib/time/zoned";
import { auditQuerySchema, type AuditQuery } from "./list-audit";

export function auditFiltersFromSearch(search: Record<string, string | undefined>, timezone: string, limit = 50): AuditQuery {
  const from = search.from ? startOfDayInZone(search.from, timezone) : null;
  const toStart = search.to ? startOfDayInZone(search.to, timezone) : null;
  const parsed = auditQuerySchema.safeParse({
    actorId: search.actor || undefined,
    action: search.action || undefined,
    targetType: search.targetType || undefined,
    from: from ?? undefined,
    // "to" is inclusive: up to the end of that day.
    to: toStart ? new Date(toStart.getTime() + 86_400_000 - 1) : undefined,
    cursor: search.cursor || undefined,
    limit,
  });
  // Unparseable filters from a hand-edited URL fall back to no filter rather than an error page.
  return parsed.success ? parsed.data : auditQuerySchema.parse({ limit });
}
