/**
 * Encrypts one secret value with AES-256-GCM: a random 96-bit IV per value, the key id in the
 * prefix so rotation knows which key wrote it, the auth tag so any tampering is refused.
 * Stored form: `enc:v1:<keyId>:<base64url(iv | ciphertext | tag)>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring";

const prefix = "enc:v1:";
const ivBytes = 12;
const tagBytes = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(prefix);
}

/** The id of the key that encrypted `value`, or null if it is not an encrypted value. */
export function keyIdOf(value: string): string | null {
  if (!isEncrypted(value)) return null;
  const rest = value.slice(prefix.length);
  const at = rest.indexOf(":");
  return at > 0 ? rest.slice(0, at) : null;
}

export function encryptSecret(ring: KeyRing, plaintext: string): string {
  const { id, key } = ring.current;
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // The key id is authenticated too: moving a value to another key's prefix fails.
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${prefix}${id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

export function decryptSecret(ring: KeyRing, value: string): string {
  const id = keyIdOf(value);
  if (!id) throw new DecryptionError("not an encrypted value");
  const entry = ring.byId.get(id);
  if (!entry) {
    throw new DecryptionError(
      `encrypted with key "${id}", which is not in the key ring (known: ${[...ring.byId.keys()].join(", ")}); add it back to ENCRYPTION_KEYS`,
    );
  }
  const raw = Buffer.from(value.slice(prefix.length + id.length + 1), "base64url");
  if (raw.length < ivBytes + tagBytes) throw new DecryptionError("encrypted value is truncated");
  const decipher = createDecipheriv("aes-256-gcm", entry.key, raw.subarray(0, ivBytes));
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(raw.subarray(raw.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(raw.subarray(ivBytes, raw.length - tagBytes)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(`encrypted value failed authentication (tampered, or the key "${id}" changed)`);
  }
}

/** Re-encrypts with the current key; null when it already is (rotation skips it). */
export function reencryptSecret(ring: KeyRing, value: string): string | null {
  if (keyIdOf(value) === ring.current.id) return null;
  return encryptSecret(ring, decryptSecret(ring, value));
}
