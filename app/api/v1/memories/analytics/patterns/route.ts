import { memoryPatterns } from "@/lib/memory/analytics/memory-patterns";
import { memoryFiltersSchema } from "@/lib/memory/filters/memory-filter-schema";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(
  async ({ ctx, db, query }) => memoryPatterns(db, actorOf(ctx), await workspaceTimezone(db, ctx.workspaceId), query),
  { permission: "memories.read", query: memoryFiltersSchema },
);
