import { moveDraft, moveDraftSchema } from "@/lib/drafts/move-draft";
import { withWorkspace } from "@/lib/next/with-workspace";

export const PUT = withWorkspace<typeof moveDraftSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => {
    await moveDraft(db, ctx, params.id, body);
    return { ok: true };
  },
  { permission: "drafts.write", body: moveDraftSchema },
);
