import { draftContextSchema, retrieveDraftContext } from "@/lib/memory/context/draft-context";
import { actorOf } from "@/lib/memory/memory-access";
import { withWorkspace } from "@/lib/next/with-workspace";

export const POST = withWorkspace(async ({ ctx, db, body }) => retrieveDraftContext(db, actorOf(ctx), ctx, body), {
  permission: "memories.read",
  body: draftContextSchema,
});
