import { getCache } from "@/lib/cache";
import { getDraft } from "@/lib/drafts/get-draft";
import { heartbeat, leave } from "@/lib/drafts/presence";
import { withWorkspace } from "@/lib/next/with-workspace";

type P = { id: string };

/** Heartbeat: "I have this draft open"; answers who else does. */
export const POST = withWorkspace<never, never, P>(
  async ({ ctx, db, params }) => {
    await getDraft(db, ctx, params.id);
    return { others: await heartbeat(getCache(), ctx.workspaceId, params.id, { userId: ctx.userId, name: ctx.userName }) };
  },
  { permission: "drafts.read" },
);

export const DELETE = withWorkspace<never, never, P>(
  async ({ ctx, params }) => {
    await leave(getCache(), ctx.workspaceId, params.id, ctx.userId);
    return { ok: true };
  },
  { permission: "drafts.read" },
);
