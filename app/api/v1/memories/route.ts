import { createMemory } from "@/lib/memory/create-memory";
import { listMemories } from "@/lib/memory/list-memories";
import { actorOf } from "@/lib/memory/memory-access";
import { createMemorySchema, listMemoriesQuerySchema } from "@/lib/memory/memory-schemas";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db, query }) => listMemories(db, actorOf(ctx), query), {
  permission: "memories.read",
  query: listMemoriesQuerySchema,
});

export const POST = withWorkspace(
  async ({ ctx, db, body }) => Response.json({ memory: await createMemory(db, actorOf(ctx), body) }, { status: 201 }),
  { permission: "memories.write", body: createMemorySchema },
);
