import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { actorOf } from "@/lib/memory/memory-access";
import { cleanupRunSchema } from "@/lib/memory/memory-schemas";
import { withWorkspace } from "@/lib/next/with-workspace";

/** A run over many memories goes in time slices (others are served meanwhile) and can take minutes; progress: GET /api/v1/memories/runs. */
export const maxDuration = 300;

export const POST = withWorkspace(async ({ ctx, db, body }) => cleanupMemories(db, actorOf(ctx), body), {
  permission: "memories.write",
  body: cleanupRunSchema,
});
