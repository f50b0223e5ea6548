/**
 * The keys webhook signatures are checked with: QStash's when configured, else local ones in the
 * data dir. The local files are read once per process (the dispatcher signs with what it read at
 * start, so the verifier must not see different keys later), not on every delivery.
 */
import { getEnv } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/security/local-secrets";
import type { SigningKeys } from "./qstash-signature";

const localKeys = new Map<string, SigningKeys>();

export function signingKeys(): SigningKeys {
  const env = getEnv();
  if (env.scheduler.driver === "qstash") return { current: env.scheduler.currentSigningKey, next: env.scheduler.nextSigningKey };
  let keys = localKeys.get(env.dataDir);
  if (!keys) {
    keys = {
      current: readOrCreateSecret(env.dataDir, "qstash-current-signing-key"),
      next: readOrCreateSecret(env.dataDir, "qstash-next-signing-key"),
    };
    localKeys.set(env.dataDir, keys);
  }
  return keys;
}
