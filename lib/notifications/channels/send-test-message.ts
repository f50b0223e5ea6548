/** The "send test" button: a test message through one channel, in the workspace's language. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getEnv } from "@/lib/env";
import { getChannel } from "./channel-store";
import { formatMessage } from "./format-message";
import { sendToChannel, type SendResult } from "./send-to-channel";

export async function sendTestMessage(db: Db, ctx: WorkspaceContext, channelId: string): Promise<SendResult> {
  const channel = await getChannel(db, ctx.workspaceId, channelId);
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
  const message = formatMessage({
    event: "test",
    locale: workspace.locale,
    timeZone: workspace.timezone,
    appUrl: getEnv().appUrl,
    slug: workspace.slug,
    workspaceName: workspace.name,
    at: new Date(),
  });
  const result = await sendToChannel(db, channel, message);
  await recordAudit(db, ctx, {
    action: "notification_channels.test",
    targetType: "notification_channel",
    targetId: channel.id,
    after: { ok: result.ok, error: result.ok ? undefined : result.error },
  });
  return result;
}
