/**
 * Ingest for one competitor (REST and the collector): one transaction with its audit event,
 * then cache invalidation and the week-over-week alert check.
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workspaces } from "@/db/schema";
import { invalidateAnalytics } from "@/lib/analytics/analytics-cache";
import { recordCollection } from "@/lib/analytics/collection-status";
import { getAnalyticsSettings } from "@/lib/analytics/analytics-settings";
import { checkTrendAlerts } from "@/lib/analytics/alerts/check-trend-alerts";
import type { NoteInput, ProfileSnapshotInput } from "@/lib/analytics/ingest/ingest-schemas";
import { ingestSeries, type IngestResult } from "@/lib/analytics/ingest/ingest-series";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { requireCompetitor } from "./competitor-queries";

export async function workspaceTimezone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return row?.timezone ?? "Asia/Shanghai";
}

export async function ingestCompetitorData(
  db: Db,
  ctx: Pick<WorkspaceContext, "workspaceId" | "userId" | "userName" | "ip" | "requestId">,
  competitorId: string,
  data: { profiles?: ProfileSnapshotInput[]; notes?: NoteInput[] },
  source: string,
): Promise<IngestResult> {
  const { result, timezone } = await db.transaction(async (tx) => {
    const competitor = await requireCompetitor(tx, ctx.workspaceId, competitorId);
    const [settings, timezone] = await Promise.all([getAnalyticsSettings(tx, ctx.workspaceId), workspaceTimezone(tx, ctx.workspaceId)]);
    const target = { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor" as const, subjectId: competitor.id, authorName: competitor.name, settings };
    const result = await ingestSeries(tx, target, data, source);
    await recordCollection(tx, { workspaceId: ctx.workspaceId, source, subjectKey: competitor.id, ok: true, items: (data.profiles?.length ?? 0) + (data.notes?.length ?? 0) });
    await recordAudit(tx, ctx, { action: "competitors.ingest", targetType: "competitor", targetId: competitor.id, after: { source, profiles: data.profiles?.length ?? 0, notes: data.notes?.length ?? 0, ...result } });
    return { result, timezone };
  });
  await invalidateAnalytics(ctx.workspaceId);
  await checkTrendAlerts(db, { workspaceId: ctx.workspaceId, timezone, subjectType: "competitor", subjectId: competitorId });
  return result;
}
