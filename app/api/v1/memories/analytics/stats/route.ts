import { memoryStats } from "@/lib/memory/analytics/memory-stats";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => memoryStats(db, actorOf(ctx), await workspaceTimezone(db, ctx.workspaceId)), {
  permission: "memories.read",
});
