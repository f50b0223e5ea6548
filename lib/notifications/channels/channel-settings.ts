/**
 * A channel's settings: validated against its kind's schema, secrets split out and encrypted
 * with the key ring (write-only: an empty or missing secret keeps the stored one), and read
 * back decrypted for the server only.
 */
import type { NotificationChannel } from "@/db/schema";
import { AppError, fieldErrorsOf } from "@/lib/errors/app-error";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto/secret-box";
import { channelSender } from "./registry";
import type { ChannelKind } from "./types";

export type StoredChannelSettings = { config: Record<string, unknown>; secrets: string | null };

export function readChannelSecrets(stored: Pick<NotificationChannel, "secrets">): Record<string, string> {
  return stored.secrets ? (JSON.parse(decryptSecret(getKeyRing(), stored.secrets)) as Record<string, string>) : {};
}

export function resolveChannelSettings(
  kind: ChannelKind,
  raw: Record<string, unknown>,
  previous: Pick<NotificationChannel, "secrets"> | null,
): StoredChannelSettings {
  const sender = channelSender(kind);
  const kept = previous ? readChannelSecrets(previous) : {};
  const merged: Record<string, unknown> = { ...raw };
  for (const field of sender.secretFields) {
    const given = merged[field];
    if (given === undefined || given === null || given === "") {
      if (kept[field] !== undefined) merged[field] = kept[field];
      else delete merged[field];
    }
  }
  const parsed = sender.configSchema.safeParse(merged);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [`config.${k}`, v]));
    throw new AppError("VALIDATION_FAILED", { fieldErrors });
  }
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (sender.secretFields.includes(key)) {
      if (typeof value === "string" && value !== "") secrets[key] = value;
    } else config[key] = value;
  }
  return { config, secrets: Object.keys(secrets).length ? encryptSecret(getKeyRing(), JSON.stringify(secrets)) : null };
}

/** The full config a sender receives (server only). */
export function senderConfigFor(channel: Pick<NotificationChannel, "config" | "secrets">): Record<string, unknown> {
  return { ...channel.config, ...readChannelSecrets(channel) };
}

/** What the browser and the API may see: settings without secrets, plus which secrets are set. */
export function channelView(channel: NotificationChannel) {
  const { secrets, workspaceId: _workspaceId, ...rest } = channel;
  return { ...rest, secretsSet: secrets ? Object.keys(readChannelSecrets({ secrets })) : [] };
}

export type ChannelView = ReturnType<typeof channelView>;
