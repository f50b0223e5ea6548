import { assignModeOf, importQuerySchema } from "@/lib/competitors/import/import-schemas";
import { runImport } from "@/lib/competitors/import/run-import";
import { withUploadedFile } from "@/lib/competitors/import/upload-file";
import { withWorkspace } from "@/lib/next/with-workspace";

export const maxDuration = 300;

/** Body: the MediaCrawler export file (CSV or JSON, ≤ 50 MB), streamed to a temp file and imported from there. */
export const POST = withWorkspace(
  async ({ req, ctx, db, query }) => {
    const run = await withUploadedFile(req, (file) =>
      runImport(db, ctx, { file, fileName: query.fileName, runId: query.runId, assign: assignModeOf(query) }),
    );
    return Response.json({ run }, { status: 201 });
  },
  { permission: "competitors.manage", query: importQuerySchema },
);
