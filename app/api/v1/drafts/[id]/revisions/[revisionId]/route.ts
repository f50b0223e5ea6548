import { revisionDiff } from "@/lib/drafts/revisions";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace<never, never, { id: string; revisionId: string }>(
  async ({ ctx, db, params }) => revisionDiff(db, ctx, params.id, params.revisionId),
  { permission: "drafts.read" },
);
