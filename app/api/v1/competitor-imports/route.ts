import { assignModeOf, importQuerySchema } from "@/lib/analytics/import/import-schemas";
import { readUpload } from "@/lib/analytics/import/read-upload";
import { runImport } from "@/lib/analytics/import/run-import";
import { withWorkspace } from "@/lib/next/with-workspace";

export const maxDuration = 300;

/** Body: the MediaCrawler export file (CSV or JSON, ≤ 50 MB). */
export const POST = withWorkspace(
  async ({ req, ctx, db, query }) => {
    const bytes = await readUpload(req);
    return Response.json({ run: await runImport(db, ctx, { bytes, fileName: query.fileName, runId: query.runId, assign: assignModeOf(query) }) }, { status: 201 });
  },
  { permission: "competitors.manage", query: importQuerySchema },
);
