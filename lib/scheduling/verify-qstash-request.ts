/**
 * Verifies a QStash-signed webhook call with `@upstash/qstash`'s Receiver (current and next
 * keys). Any failure (missing, malformed, expired, wrong key, other URL or body) is
 * INVALID_SIGNATURE (401): never the 500 that `verifySignatureAppRouter` would answer.
 */
import { Receiver } from "@upstash/qstash";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

export async function verifyQstashRequest(input: { signature: string | null; body: string; url: string }): Promise<void> {
  if (!input.signature) throw new AppError("INVALID_SIGNATURE", { detail: "missing Upstash-Signature" });
  const keys = getEnv().qstashSigningKeys;
  const receiver = new Receiver({ currentSigningKey: keys.current, nextSigningKey: keys.next });
  let valid = false;
  try {
    valid = await receiver.verify({ signature: input.signature, body: input.body, url: input.url });
  } catch (error) {
    throw new AppError("INVALID_SIGNATURE", { cause: error });
  }
  if (!valid) throw new AppError("INVALID_SIGNATURE");
}

/** The URL a webhook was addressed to: APP_URL plus the route's path (proxies may rewrite the host). */
export function webhookUrl(pathname: string): string {
  return new URL(pathname, getEnv().appUrl).toString();
}
