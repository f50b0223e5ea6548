/**
 * Verifies a QStash-signed webhook call (JWT in `Upstash-Signature`, checked by @upstash/qstash's
 * Receiver against the body and URL). Keys: QStash's when configured, else the embedded
 * dispatcher's local keys in the data directory (the scheduling feature signs with those).
 */
import { Receiver } from "@upstash/qstash";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { readOrCreateSecret } from "@/lib/security/local-secrets";

export function signingKeys(): { current: string; next: string } {
  const env = getEnv();
  if (env.scheduler.driver === "qstash") return { current: env.scheduler.currentSigningKey, next: env.scheduler.nextSigningKey };
  return { current: readOrCreateSecret(env.dataDir, "qstash-current-signing-key"), next: readOrCreateSecret(env.dataDir, "qstash-next-signing-key") };
}

export async function verifySignedRequest(signature: string | null, body: string, url: string): Promise<void> {
  if (!signature) throw new AppError("INVALID_SIGNATURE", { detail: "missing Upstash-Signature" });
  const keys = signingKeys();
  const receiver = new Receiver({ currentSigningKey: keys.current, nextSigningKey: keys.next, devMode: false });
  // Receiver throws on a bad signature; every failure is the caller's, never a 500.
  const ok = await receiver.verify({ signature, body, url, clockTolerance: 5 }).catch(() => false);
  if (!ok) throw new AppError("INVALID_SIGNATURE");
}
