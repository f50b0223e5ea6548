import { advanceDraft, workflowInputSchema } from "@/lib/drafts/workflow";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace<typeof workflowInputSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => ({ draft: await advanceDraft(db, ctx, params.id, "request_changes", body) }),
  { permission: "drafts.approve", body: workflowInputSchema },
);
