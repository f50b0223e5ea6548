/**
 * Sends one message through one stored channel and records the outcome on the channel row
 * (last result, error text, time). Never throws: the answer says what happened.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationChannels, type NotificationChannel } from "@/db/schema";
import { getLogger } from "@/lib/observability/logger";
import { senderConfigFor } from "./channel-settings";
import { channelSender } from "./registry";
import { ChannelSendError, type ChannelMessage } from "./types";

export type SendResult = { ok: true } | { ok: false; error: string };

export async function sendToChannel(db: Db, channel: NotificationChannel, message: ChannelMessage): Promise<SendResult> {
  let result: SendResult;
  try {
    const sender = channelSender(channel.kind);
    const parsed = sender.configSchema.safeParse(senderConfigFor(channel));
    if (!parsed.success)
      throw new ChannelSendError(`channel settings are incomplete: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
    await sender.send(parsed.data, message);
    result = { ok: true };
  } catch (error) {
    // Only ChannelSendError text is shown (our classified reason); anything else is ours to log.
    if (!(error instanceof ChannelSendError))
      getLogger().warn({ channelId: channel.id, kind: channel.kind, error: (error as Error).name }, "notification channel crashed");
    result = { ok: false, error: error instanceof ChannelSendError ? error.message : "unexpected error while sending" };
  }
  try {
    await db
      .update(notificationChannels)
      .set({ lastResult: result.ok ? "ok" : "error", lastError: result.ok ? null : result.error, lastSentAt: new Date() })
      .where(eq(notificationChannels.id, channel.id));
  } catch (error) {
    getLogger().warn({ channelId: channel.id, error: (error as Error).message }, "could not record the channel's last result");
  }
  return result;
}
