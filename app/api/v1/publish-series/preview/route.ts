import { withWorkspace } from "@/lib/next/with-workspace";
import { previewSeriesSchema } from "@/lib/scheduling/series/series-input";
import { previewOccurrences } from "@/lib/scheduling/series/series-service";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export const POST = withWorkspace(
  async ({ ctx, db, body }) => {
    const timezone = body.timezone ?? (await workspaceTimezone(db, ctx.workspaceId));
    return { cron: body.cron, timezone, occurrences: previewOccurrences(body.cron, timezone, body.count) };
  },
  { permission: "schedules.read", body: previewSeriesSchema },
);
