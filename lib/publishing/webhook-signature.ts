/**
 * Signing of webhook publisher requests (documented in docs/publishers.md):
 * `X-RedMatrix-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` and
 * `X-RedMatrix-Timestamp: <unix seconds>`. Receivers verify both and refuse old timestamps.
 */
import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/security/same-secret";

export const signatureHeader = "x-redmatrix-signature";
export const timestampHeader = "x-redmatrix-timestamp";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function verifyWebhookSignature(
  secret: string,
  input: { signature: string | null; timestamp: string | null; body: string },
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  if (!input.signature || !input.timestamp || !/^\d+$/.test(input.timestamp)) return false;
  const ts = Number(input.timestamp);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  return sameSecret(input.signature, signWebhook(secret, ts, input.body));
}
