import { competitorReportCsv, buildCompetitorReport } from "@/lib/competitors/reports/competitor-report";
import { rangeQuerySchema } from "@/lib/competitors/queries/range-params";
import { loadDashboardBase } from "@/lib/competitors/queries/dashboard-base";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The competitor report for ?from=&to= (&s=subjects) as CSV, Excel-ready (BOM) and formula-safe. */
export const GET = withWorkspace(
  async ({ ctx, db, query }) => {
    const base = await loadDashboardBase(db, ctx, query);
    const report = await buildCompetitorReport(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, base.subjects, base.range);
    return new Response(competitorReportCsv(report, base.timezone), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="competitor-report-${report.from}-${report.to}.csv"`,
      },
    });
  },
  { permission: "analytics.export", query: rangeQuerySchema },
);
