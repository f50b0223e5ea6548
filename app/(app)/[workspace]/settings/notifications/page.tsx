import { getDb } from "@/lib/database";
import { ChannelList } from "@/components/settings/channels/channel-list";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/context";
import { listChannels } from "@/lib/notifications/channels/channel-store";
import { requirePageContext } from "@/lib/next/session-context";
import { createChannelAction, deleteChannelAction, testChannelAction, updateChannelAction } from "./actions";

export const metadata = { title: "Notification channels" };

export default async function NotificationChannelsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "settings.manage")) return <Forbidden />;
  const channels = await listChannels(getDb(), ctx.workspaceId);
  return (
    <ChannelList
      slug={ctx.workspaceSlug}
      channels={channels}
      actions={{ create: createChannelAction, update: updateChannelAction, remove: deleteChannelAction, test: testChannelAction }}
    />
  );
}
