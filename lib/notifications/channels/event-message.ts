/** Renders a workspace event (a failed or unconfirmed publish, an account that needs a login, a competitor alert) as a channel message, in the workspace's locale and zone. */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, workspaces } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { formatMessage, type AlertFigures } from "./format-message";
import type { ChannelEvent, ChannelMessage } from "./types";

/** Competitor alerts add who (subjectName) and the numbers behind them; `path` is where the message links, inside the workspace (default the calendar). */
export type WorkspaceEvent = {
  kind: ChannelEvent;
  payload: {
    title?: string;
    jobId?: string;
    accountId?: string;
    reason?: string | null;
    subjectName?: string;
    figures?: AlertFigures;
    path?: string;
  };
  at?: Date;
};

/** null when the workspace is gone. */
export async function eventMessage(db: DbOrTx, workspaceId: string, event: WorkspaceEvent): Promise<ChannelMessage | null> {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) return null;
  const account = event.payload.accountId
    ? (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, event.payload.accountId)))[0]
    : undefined;
  return formatMessage({
    event: event.kind,
    locale: workspace.locale,
    timeZone: workspace.timezone,
    appUrl: getEnv().appUrl,
    slug: workspace.slug,
    workspaceName: workspace.name,
    at: event.at ?? new Date(),
    title: event.payload.title,
    accountName: account?.name,
    subjectName: event.payload.subjectName,
    figures: event.payload.figures,
    path: event.payload.path,
    reason: event.payload.reason,
  });
}
