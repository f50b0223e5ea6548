import { assignModeOf, importQuerySchema } from "@/lib/competitors/import/import-schemas";
import { previewImport } from "@/lib/competitors/import/preview-import";
import { withUploadedFile } from "@/lib/competitors/import/upload-file";
import { withWorkspace } from "@/lib/next/with-workspace";

/** Body: the export file. Answers the mapping, sample rows and row errors; stores nothing. */
export const POST = withWorkspace(
  async ({ req, ctx, db, query }) => ({
    preview: await withUploadedFile(req, (file) => previewImport(db, ctx.workspaceId, file, assignModeOf(query))),
  }),
  { permission: "competitors.manage", query: importQuerySchema },
);
