/**
 * Sends a workspace event to every enabled channel subscribed to it, in parallel, best-effort.
 * Called after the transaction that produced the event has committed; it never throws, so a
 * broken robot or SMTP server can never break the publish path.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, notificationChannels, workspaces } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { formatMessage, type AlertFigures } from "./format-message";
import { sendToChannel, type SendResult } from "./send-to-channel";
import type { ChannelEvent } from "./types";

/** Competitor alerts add who (subjectName), the numbers behind them and where to look (path). */
export type WorkspaceEvent = {
  kind: ChannelEvent;
  payload: { title?: string; jobId?: string; accountId?: string; reason?: string | null; subjectName?: string; figures?: AlertFigures; path?: string };
  at?: Date;
};

export async function dispatchNotification(db: Db, workspaceId: string, event: WorkspaceEvent): Promise<Record<string, SendResult>> {
  try {
    const channels = (await db.select().from(notificationChannels).where(and(eq(notificationChannels.workspaceId, workspaceId), eq(notificationChannels.enabled, true)))).filter((c) =>
      c.events.includes(event.kind),
    );
    if (!channels.length) return {};
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!workspace) return {};
    const account = event.payload.accountId ? (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, event.payload.accountId)))[0] : undefined;
    const message = formatMessage({
      event: event.kind,
      locale: workspace.locale,
      timeZone: workspace.timezone,
      appUrl: getEnv().appUrl,
      slug: workspace.slug,
      workspaceName: workspace.name,
      at: event.at ?? new Date(),
      title: event.payload.title,
      accountName: account?.name,
      reason: event.payload.reason,
      subjectName: event.payload.subjectName,
      figures: event.payload.figures,
      path: event.payload.path,
    });
    const results = await Promise.all(channels.map(async (c) => [c.id, await sendToChannel(db, c, message)] as const));
    return Object.fromEntries(results);
  } catch (error) {
    getLogger().warn({ workspaceId, event: event.kind, error: (error as Error).message }, "notification dispatch failed");
    return {};
  }
}
