import { cleanupMemories } from "@/lib/memory/maintenance/cleanup-memories";
import { actorOf } from "@/lib/memory/memory-access";
import { maintenanceRunSchema } from "@/lib/memory/memory-schemas";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(async ({ ctx, db, body }) => cleanupMemories(db, actorOf(ctx), body), {
  permission: "memories.write",
  body: maintenanceRunSchema,
});
