/** The keys webhook signatures are checked with: QStash's when configured, else local ones in the data dir. */
import { getEnv } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/security/local-secrets";
import type { SigningKeys } from "./qstash-signature";

export function signingKeys(): SigningKeys {
  const env = getEnv();
  if (env.scheduler.driver === "qstash") return { current: env.scheduler.currentSigningKey, next: env.scheduler.nextSigningKey };
  return {
    current: readOrCreateSecret(env.dataDir, "qstash-current-signing-key"),
    next: readOrCreateSecret(env.dataDir, "qstash-next-signing-key"),
  };
}
