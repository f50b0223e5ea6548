/** Every notification channel kind, by its id. */
import { dingtalk } from "./dingtalk";
import { email } from "./email";
import type { ChannelKind, ChannelSender } from "./types";
import { wecom } from "./wecom";

export const channelRegistry: Record<ChannelKind, ChannelSender> = { dingtalk, wecom, email } as Record<ChannelKind, ChannelSender>;

export function channelSender(kind: ChannelKind): ChannelSender {
  return channelRegistry[kind];
}
