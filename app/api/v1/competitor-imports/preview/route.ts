import { assignModeOf, importQuerySchema } from "@/lib/analytics/import/import-schemas";
import { previewImport } from "@/lib/analytics/import/preview-import";
import { readUpload } from "@/lib/analytics/import/read-upload";
import { withWorkspace } from "@/lib/next/with-workspace";

/** Body: the export file. Answers the mapping, sample rows and row errors; stores nothing. */
export const POST = withWorkspace(
  async ({ req, ctx, db, query }) => ({ preview: await previewImport(db, ctx.workspaceId, await readUpload(req), assignModeOf(query)) }),
  { permission: "competitors.manage", query: importQuerySchema },
);
