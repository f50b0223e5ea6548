/**
 * The process's key ring: from ENCRYPTION_KEYS, or the generated key file in the data dir.
 * Re-read from the file when it changes, so a rotation by the CLI is picked up by a running app.
 */
import fs from "node:fs";
import { getEnv } from "@/lib/env";
import { readOrCreateKeyRingFile } from "@/lib/security/local-secrets";
import { formatKeyRing, generateKey, parseKeyRing, type KeyRing } from "./key-ring";

let cached: { stamp: string; ring: KeyRing } | undefined;

export function getKeyRing(): KeyRing {
  const { encryption, isProduction, database } = getEnv();
  if (encryption.source === "file" && isProduction && !database.isEmbedded) {
    // A serverless instance's disk is thrown away: secrets encrypted with a generated key
    // there would become unreadable. The database is remote, so the keys must be too.
    throw new Error(
      "ENCRYPTION_KEYS must be set when the database is not the embedded file (a generated key file would be lost with the instance)",
    );
  }
  if (encryption.source === "env") {
    if (cached?.stamp !== "env") cached = { stamp: "env", ring: parseKeyRing(encryption.keys) };
    return cached.ring;
  }
  let stamp = "missing";
  try {
    const stat = fs.statSync(encryption.file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    // Created below.
  }
  if (cached?.stamp !== stamp) {
    const text = readOrCreateKeyRingFile(encryption.file, () => formatKeyRing([generateKey()]));
    const ring = parseKeyRing(text);
    const fresh = fs.statSync(encryption.file);
    cached = { stamp: `${fresh.mtimeMs}:${fresh.size}`, ring };
  }
  return cached.ring;
}

/** Forget the cached ring (tests, and the rotation CLI after writing the file). */
export function resetKeyRingCache(): void {
  cached = undefined;
}
