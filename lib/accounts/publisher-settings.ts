/**
 * An account's publisher settings: validates the config against the publisher's schema, splits
 * secret fields out and encrypts them (write-only: an empty or missing secret keeps the stored
 * one), and reads them back decrypted for the server only.
 */
import type { Account } from "@/db/schema";
import { AppError, fieldErrorsOf } from "@/lib/errors/app-error";
import { getPublisher } from "@/lib/publishing/publishers/registry";
import type { Publisher } from "@/lib/publishing/publishers/types";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto/secret-box";

export type StoredPublisherSettings = Pick<Account, "publisherId" | "publisherConfig" | "publisherSecrets">;

function requirePublisher(id: string): Publisher {
  const publisher = getPublisher(id);
  if (!publisher) throw new AppError("VALIDATION_FAILED", { fieldErrors: { publisherId: [`Unknown publisher "${id}"`] } });
  return publisher;
}

export function readSecrets(stored: Pick<Account, "publisherSecrets">): Record<string, string> {
  return stored.publisherSecrets ? (JSON.parse(decryptSecret(getKeyRing(), stored.publisherSecrets)) as Record<string, string>) : {};
}

/** Validated settings to store. `previous` supplies kept secrets when the publisher did not change. */
export function resolvePublisherSettings(
  publisherId: string,
  raw: Record<string, unknown>,
  previous: StoredPublisherSettings | null,
): StoredPublisherSettings {
  const publisher = requirePublisher(publisherId);
  const kept = previous && previous.publisherId === publisherId ? readSecrets(previous) : {};
  const merged: Record<string, unknown> = { ...raw };
  for (const field of publisher.secretFields) {
    const given = merged[field];
    if (given === undefined || given === null || given === "") {
      if (kept[field] !== undefined) merged[field] = kept[field];
      else delete merged[field];
    }
  }
  const parsed = publisher.configSchema.safeParse(merged);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [`publisherConfig.${k}`, v]));
    throw new AppError("VALIDATION_FAILED", { fieldErrors });
  }
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    if ((publisher.secretFields as readonly string[]).includes(key)) {
      if (typeof value === "string" && value !== "") secrets[key] = value;
    } else config[key] = value;
  }
  return {
    publisherId,
    publisherConfig: config,
    publisherSecrets: Object.keys(secrets).length ? encryptSecret(getKeyRing(), JSON.stringify(secrets)) : null,
  };
}

/** The full config a publisher receives (server only): stored settings plus decrypted secrets. */
export function publisherConfigFor(account: StoredPublisherSettings): Record<string, unknown> {
  return { ...account.publisherConfig, ...readSecrets(account) };
}

/** Which secret fields are set, for showing them masked; never their values. */
export function secretFieldsSet(account: StoredPublisherSettings): string[] {
  if (!account.publisherSecrets) return [];
  return Object.keys(readSecrets(account));
}
