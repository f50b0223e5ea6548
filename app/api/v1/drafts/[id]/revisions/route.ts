import { listRevisions, restoreRevision, restoreRevisionSchema } from "@/lib/drafts/revisions";
import { withWorkspace } from "@/lib/next/with-workspace";

type P = { id: string };

export const GET = withWorkspace<never, never, P>(async ({ ctx, db, params }) => ({ revisions: await listRevisions(db, ctx, params.id) }), {
  permission: "drafts.read",
});

/** Restore: saves the revision's content as a new version (409 when baseVersion is stale). */
export const POST = withWorkspace<typeof restoreRevisionSchema, never, P>(
  async ({ ctx, db, body, params }) => ({ draft: await restoreRevision(db, ctx, params.id, body.revisionId, body.baseVersion) }),
  { permission: "drafts.write", body: restoreRevisionSchema },
);
