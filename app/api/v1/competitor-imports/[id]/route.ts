import { getImportRun } from "@/lib/competitors/import/run-import";
import { AppError } from "@/lib/errors/app-error";
import { withWorkspace } from "@/lib/next/with-workspace";

/** Progress and error report of an import (polled by the upload form while the import runs). */
export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const run = await getImportRun(db, ctx.workspaceId, params.id);
    if (!run) throw new AppError("NOT_FOUND");
    return { run };
  },
  { permission: "competitors.read" },
);
