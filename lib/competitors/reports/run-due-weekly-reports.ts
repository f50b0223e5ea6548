/**
 * The scheduled side of the weekly report (called by the signed webhook, every 15 minutes):
 * every workspace whose report is on and whose slot has passed since the last run gets it once.
 * A failure is recorded on that workspace and does not stop the others.
 */
import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { analyticsSettings, workspaces } from "@/db/schema";
import { toAppError } from "@/lib/errors/app-error";
import { sendWeeklyReport } from "./send-weekly-report";
import { isReportDue, latestSlot } from "./weekly-report-slot";

export async function runDueWeeklyReports(db: Db, now = new Date()) {
  const rows = await db
    .select({
      workspaceId: analyticsSettings.workspaceId,
      report: analyticsSettings.weeklyReport,
      lastRunAt: analyticsSettings.weeklyReportLastRunAt,
      timezone: workspaces.timezone,
    })
    .from(analyticsSettings)
    .innerJoin(workspaces, eq(workspaces.id, analyticsSettings.workspaceId))
    .where(isNotNull(analyticsSettings.weeklyReport));
  const results: { workspaceId: string; ok: boolean; error?: string }[] = [];
  for (const r of rows) {
    if (!r.report?.enabled || !isReportDue(now, r.timezone, { ...r.report, lastRunAt: r.lastRunAt })) continue;
    const slot = latestSlot(now, r.timezone, r.report.weekday, r.report.hour);
    try {
      await sendWeeklyReport(db, r.workspaceId, r.report, { now, day: slot.day });
      results.push({ workspaceId: r.workspaceId, ok: true });
    } catch (error) {
      results.push({ workspaceId: r.workspaceId, ok: false, error: toAppError(error).code });
    }
  }
  return { sent: results.filter((r) => r.ok).length, results };
}
