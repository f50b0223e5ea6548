import { actorOf } from "@/lib/memory/memory-access";
import { getMemoryConfig, updateMemoryConfig } from "@/lib/memory/memory-config";
import { updateMemoryConfigSchema } from "@/lib/memory/memory-schemas";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ config: await getMemoryConfig(db, actorOf(ctx)) }), {
  permission: "memories.read",
});

export const PUT = withWorkspace(async ({ ctx, db, body }) => ({ config: await updateMemoryConfig(db, actorOf(ctx), body) }), {
  permission: "memories.write",
  body: updateMemoryConfigSchema,
});
