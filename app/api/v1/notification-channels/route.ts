import { createChannel, createChannelSchema, listChannels } from "@/lib/notifications/channels/channel-store";
import { withWorkspace } from "@/lib/next/with-workspace";

export const GET = withWorkspace(async ({ ctx, db }) => ({ channels: await listChannels(db, ctx.workspaceId) }), {
  permission: "settings.manage",
});

export const POST = withWorkspace(async ({ ctx, db, body }) => Response.json(await createChannel(db, ctx, body), { status: 201 }), {
  permission: "settings.manage",
  body: createChannelSchema,
});
