import { withWorkspace } from "@/lib/next/with-workspace";
import { batchPlanSchema, planBatch } from "@/lib/scheduling/plan-batch";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export const POST = withWorkspace<typeof batchPlanSchema, never, { id: string }>(
  async ({ ctx, db, body }) => planBatch(db, ctx, body, await workspaceTimezone(db, ctx.workspaceId)),
  { permission: "schedules.write", body: batchPlanSchema },
);
