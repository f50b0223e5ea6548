import { deleteMemory } from "@/lib/memory/delete-memory";
import { actorOf } from "@/lib/memory/memory-access";
import { getMemoryWithLineage } from "@/lib/memory/memory-lineage";
import { updateMemorySchema } from "@/lib/memory/memory-schemas";
import { updateMemory } from "@/lib/memory/update-memory";
import { withWorkspace } from "@/lib/next/with-workspace";

type Params = { id: string };

export const GET = withWorkspace<never, never, Params>(async ({ ctx, db, params }) => getMemoryWithLineage(db, actorOf(ctx), params.id), {
  permission: "memories.read",
});

export const PUT = withWorkspace<typeof updateMemorySchema, never, Params>(
  async ({ ctx, db, params, body }) => ({ memory: await updateMemory(db, actorOf(ctx), params.id, body) }),
  { permission: "memories.write", body: updateMemorySchema },
);

export const DELETE = withWorkspace<never, never, Params>(
  async ({ ctx, db, params }) => {
    await deleteMemory(db, actorOf(ctx), params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "memories.write" },
);
