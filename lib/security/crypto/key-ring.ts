/**
 * The encryption key ring: named 256-bit keys, the first one current. Text form (env
 * `ENCRYPTION_KEYS` or the local key file) is `id:base64key,id:base64key`, newest first:
 * new values are encrypted with the first key; any listed key can still decrypt.
 */
import { randomBytes } from "node:crypto";

export type EncryptionKey = { id: string; key: Buffer };
export type KeyRing = { current: EncryptionKey; byId: ReadonlyMap<string, EncryptionKey> };

export const keyIdPattern = /^[a-z0-9_-]{1,16}$/i;

export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRingError";
  }
}

function decodeKey(id: string, encoded: string): Buffer {
  // Accept both base64 and base64url: people paste either.
  const key = Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new KeyRingError(`encryption key "${id}" must be 32 bytes (base64), got ${key.length}`);
  return key;
}

export function parseKeyRing(text: string): KeyRing {
  const entries = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new KeyRingError("the encryption key ring is empty");
  const keys: EncryptionKey[] = [];
  const byId = new Map<string, EncryptionKey>();
  for (const entry of entries) {
    const at = entry.indexOf(":");
    const id = at > 0 ? entry.slice(0, at) : "";
    if (!keyIdPattern.test(id)) throw new KeyRingError(`encryption key entry must look like "id:base64key" (id: letters, digits, _ or -)`);
    if (byId.has(id)) throw new KeyRingError(`encryption key id "${id}" is listed twice`);
    const key = { id, key: decodeKey(id, entry.slice(at + 1)) };
    keys.push(key);
    byId.set(id, key);
  }
  return { current: keys[0], byId };
}

export function formatKeyRing(keys: EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString("base64")}`).join(",");
}

export function keysOf(ring: KeyRing): EncryptionKey[] {
  return [...ring.byId.values()];
}

/** A fresh key with the next free id (k1, k2, ...). */
export function generateKey(existing: Iterable<string> = []): EncryptionKey {
  const taken = new Set(existing);
  let n = 1;
  while (taken.has(`k${n}`)) n++;
  return { id: `k${n}`, key: randomBytes(32) };
}

/** The ring with `key` put first (current); the older keys stay for decryption. */
export function withCurrentKey(ring: KeyRing, key: EncryptionKey): KeyRing {
  return parseKeyRing(formatKeyRing([key, ...keysOf(ring).filter((k) => k.id !== key.id)]));
}
