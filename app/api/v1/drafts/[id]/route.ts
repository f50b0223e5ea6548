import { deleteDraft } from "@/lib/drafts/delete-draft";
import { saveDraftSchema } from "@/lib/drafts/draft-input";
import { getDraft } from "@/lib/drafts/get-draft";
import { saveDraft } from "@/lib/drafts/save-draft";
import { withWorkspace } from "@/lib/next/with-workspace";

type P = { id: string };

export const GET = withWorkspace<never, never, P>(async ({ ctx, db, params }) => ({ draft: await getDraft(db, ctx, params.id) }), {
  permission: "drafts.read",
});

/** Autosave. A stale baseVersion answers 409 DRAFT_CONFLICT with error.details.current (the server copy). */
export const PUT = withWorkspace<typeof saveDraftSchema, never, P>(
  async ({ ctx, db, body, params }) => ({ draft: await saveDraft(db, ctx, params.id, body) }),
  { permission: "drafts.write", body: saveDraftSchema },
);

export const DELETE = withWorkspace<never, never, P>(
  async ({ ctx, db, params }) => {
    await deleteDraft(db, ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "drafts.delete" },
);
