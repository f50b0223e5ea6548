import { withWorkspace } from "@/lib/next/with-workspace";
import { getSchedulerDriver } from "@/lib/scheduling/get-scheduler";
import { scheduleDraft, scheduleDraftSchema } from "@/lib/scheduling/schedule-draft";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export const POST = withWorkspace<typeof scheduleDraftSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) =>
    Response.json(await scheduleDraft(db, getSchedulerDriver(), ctx, params.id, body, await workspaceTimezone(db, ctx.workspaceId)), {
      status: 201,
    }),
  { permission: "schedules.write", body: scheduleDraftSchema },
);
