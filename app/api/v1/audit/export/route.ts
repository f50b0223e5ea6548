import { auditCsv } from "@/lib/audit/audit-csv";
import { auditFiltersFromSearch } from "@/lib/audit/audit-filters-from-search";
import { withWorkspace } from "@/lib/next/with-workspace";
import { isValidTimezone } from "@/lib/workspaces/timezones";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export const GET = withWorkspace(
  async ({ ctx, db, req }) => {
    const search = Object.fromEntries(req.nextUrl.searchParams);
    const timezone = search.tz && isValidTimezone(search.tz) ? search.tz : defaultTimezone;
    const csv = await auditCsv(db, ctx.workspaceId, auditFiltersFromSearch(search, timezone, 500), timezone);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${ctx.workspaceSlug}.csv"`,
      },
    });
  },
  { permission: "audit.read" },
);
