import { noteReview } from "@/lib/drafts/prepare-schedule";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The checks panel: every rule the note breaks, per the workspace's settings. */
export const GET = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    const { checks, targets, needsApproval, settings } = await noteReview(db, ctx, params.id);
    return { checks, targets, needsApproval, settings };
  },
  { permission: "drafts.read" },
);
