/** Creating, changing, listing and deleting a workspace's notification channels (audited, secrets never in the audit). */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { notificationChannels, type NotificationChannel } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { channelView, resolveChannelSettings } from "./channel-settings";
import { channelEvents, channelKinds } from "./types";

const fields = {
  name: z.string().trim().min(1, "Required").max(60),
  enabled: z.boolean(),
  events: z.array(z.enum(channelEvents)).min(1, "Pick at least one event").max(channelEvents.length),
  config: z.record(z.string(), z.unknown()),
};

export const createChannelSchema = z
  .object({
    kind: z.enum(channelKinds),
    name: fields.name,
    enabled: fields.enabled.default(true),
    events: fields.events.default([...channelEvents]),
    config: fields.config,
  })
  .strict();
export const updateChannelSchema = z
  .object({
    name: fields.name.optional(),
    enabled: fields.enabled.optional(),
    events: fields.events.optional(),
    config: fields.config.optional(),
  })
  .strict();

export async function listChannels(db: DbOrTx, workspaceId: string) {
  const rows = await db
    .select()
    .from(notificationChannels)
    .where(eq(notificationChannels.workspaceId, workspaceId))
    .orderBy(asc(notificationChannels.createdAt));
  return rows.map(channelView);
}

export async function getChannel(db: DbOrTx, workspaceId: string, id: string): Promise<NotificationChannel> {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

const audited = (c: Pick<NotificationChannel, "kind" | "name" | "enabled" | "events" | "config">) => ({
  kind: c.kind,
  name: c.name,
  enabled: c.enabled,
  events: c.events,
  config: c.config,
});

export async function createChannel(db: Db, ctx: WorkspaceContext, input: z.infer<typeof createChannelSchema>) {
  const settings = resolveChannelSettings(input.kind, input.config, null);
  const id = newId("nch");
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(notificationChannels)
      .values({
        id,
        workspaceId: ctx.workspaceId,
        kind: input.kind,
        name: input.name,
        enabled: input.enabled,
        events: [...new Set(input.events)],
        ...settings,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "notification_channels.create",
      targetType: "notification_channel",
      targetId: id,
      after: audited(created),
    });
    return created;
  });
  return channelView(row);
}

export async function updateChannel(db: Db, ctx: WorkspaceContext, id: string, input: z.infer<typeof updateChannelSchema>) {
  const row = await db.transaction(async (tx) => {
    const before = await getChannel(tx, ctx.workspaceId, id);
    const settings = input.config ? resolveChannelSettings(before.kind, input.config, before) : {};
    const changes = {
      ...settings,
      ...(input.name !== undefined && { name: input.name }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
      ...(input.events && { events: [...new Set(input.events)] }),
    };
    const [updated] = await tx.update(notificationChannels).set(changes).where(eq(notificationChannels.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: "notification_channels.update",
      targetType: "notification_channel",
      targetId: id,
      before: audited(before),
      after: audited(updated),
    });
    return updated;
  });
  return channelView(row);
}

export async function deleteChannel(db: Db, ctx: WorkspaceContext, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getChannel(tx, ctx.workspaceId, id);
    await tx.delete(notificationChannels).where(eq(notificationChannels.id, id));
    await recordAudit(tx, ctx, {
      action: "notification_channels.delete",
      targetType: "notification_channel",
      targetId: id,
      before: audited(before),
    });
  });
}
