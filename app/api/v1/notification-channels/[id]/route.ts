import { deleteChannel, updateChannel, updateChannelSchema } from "@/lib/notifications/channels/channel-store";
import { withWorkspace } from "@/lib/next/with-workspace";

export const PATCH = withWorkspace<typeof updateChannelSchema, never, { id: string }>(
  async ({ ctx, db, body, params }) => updateChannel(db, ctx, params.id, body),
  {
    permission: "settings.manage",
    body: updateChannelSchema,
  },
);

export const DELETE = withWorkspace<never, never, { id: string }>(
  async ({ ctx, db, params }) => {
    await deleteChannel(db, ctx, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "settings.manage" },
);
