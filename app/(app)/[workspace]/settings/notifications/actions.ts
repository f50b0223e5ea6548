"use server";
import { revalidatePath } from "next/cache";
import {
  createChannel,
  createChannelSchema,
  deleteChannel,
  updateChannel,
  updateChannelSchema,
} from "@/lib/notifications/channels/channel-store";
import { sendTestMessage } from "@/lib/notifications/channels/send-test-message";
import { workspaceAction } from "@/lib/next/workspace-action";
import { byIdSchema } from "@/lib/validation/id-schema";

const path = (slug: string) => `/${slug}/settings/notifications`;

export const createChannelAction = workspaceAction(
  { permission: "settings.manage", schema: createChannelSchema },
  async ({ ctx, db, input }) => {
    const channel = await createChannel(db, ctx, input);
    revalidatePath(path(ctx.workspaceSlug));
    return channel;
  },
);

export const updateChannelAction = workspaceAction(
  { permission: "settings.manage", schema: updateChannelSchema.extend(byIdSchema.shape).strict() },
  async ({ ctx, db, input }) => {
    const { id, ...changes } = input;
    const channel = await updateChannel(db, ctx, id, changes);
    revalidatePath(path(ctx.workspaceSlug));
    return channel;
  },
);

export const deleteChannelAction = workspaceAction({ permission: "settings.manage", schema: byIdSchema }, async ({ ctx, db, input }) => {
  await deleteChannel(db, ctx, input.id);
  revalidatePath(path(ctx.workspaceSlug));
  return { id: input.id };
});

export const testChannelAction = workspaceAction({ permission: "settings.manage", schema: byIdSchema }, async ({ ctx, db, input }) =>
  sendTestMessage(db, ctx, input.id),
);
