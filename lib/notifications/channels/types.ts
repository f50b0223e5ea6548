/** The contract every notification channel implements: a config schema, its secret fields, a sender. */
import type { z } from "zod";

export const channelKinds = ["dingtalk", "wecom", "email"] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const channelEvents = [
  "publish_failed",
  "publish_unconfirmed",
  "account_needs_login",
  "competitor_viral_note",
  "competitor_cadence_doubled",
  "own_engagement_drop",
] as const;
export type ChannelEvent = (typeof channelEvents)[number];

/** One message rendered for every medium: robots take markdown, email takes text + HTML. */
export type ChannelMessage = { title: string; markdown: string; text: string; html: string };

/** A failure the channel reported, in our words (errcode explained, SMTP reply code, transport class): shown to the admin as is, so never the remote's text. */
export class ChannelSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChannelSendError";
  }
}

export type ChannelSender<S extends z.ZodType = z.ZodType> = {
  kind: ChannelKind;
  /** Full config including secrets (validated before storing and before sending). */
  configSchema: S;
  secretFields: readonly string[];
  /** Resolves when the channel accepted the message; throws ChannelSendError otherwise. */
  send(config: z.infer<S>, message: ChannelMessage): Promise<void>;
};
