import { listMemoryRuns } from "@/lib/memory/maintenance/memory-run";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

/** The latest compress/cleanup runs with their progress (polled by the maintenance panel while a run is going). */
export const GET = withWorkspace(async ({ ctx, db }) => ({ runs: await listMemoryRuns(db, actorOf(ctx)) }), {
  permission: "memories.read",
});
