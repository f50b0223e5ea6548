import { actorOf } from "@/lib/memory/memory-access";
import { searchMemoriesSchema } from "@/lib/memory/memory-schemas";
import { searchMemories } from "@/lib/memory/search/search-memories";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(async ({ ctx, db, body }) => searchMemories(db, actorOf(ctx), body), {
  permission: "memories.read",
  body: searchMemoriesSchema,
});
