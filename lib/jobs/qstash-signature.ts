/**
 * QStash request signatures. The embedded dispatcher signs its webhook calls exactly as QStash
 * does (an HS256 JWT in `Upstash-Signature`: iss "Upstash", sub = destination URL,
 * body = base64url(sha256(body)), iat/nbf/exp, jti), so the same route verifies both with
 * `@upstash/qstash`'s Receiver. One publish path, whichever scheduler delivers.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { Receiver } from "@upstash/qstash";

export type SigningKeys = { current: string; next: string };

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

export function signQstashRequest(input: { url: string; body: string; key: string; now?: Date; ttlSeconds?: number }): string {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(
    JSON.stringify({
      iss: "Upstash",
      sub: input.url,
      iat,
      nbf: iat,
      exp: iat + (input.ttlSeconds ?? 300),
      jti: `jwt_${randomUUID()}`,
      body: base64url(createHash("sha256").update(input.body).digest()),
    }),
  );
  const signature = createHmac("sha256", input.key).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}

/** True only for a valid, unexpired signature over exactly this URL and body, by either key. */
export async function verifyQstashRequest(input: {
  signature: string | null;
  url: string;
  body: string;
  keys: SigningKeys;
}): Promise<boolean> {
  if (!input.signature) return false;
  const receiver = new Receiver({ currentSigningKey: input.keys.current, nextSigningKey: input.keys.next });
  try {
    return await receiver.verify({ signature: input.signature, body: input.body, url: input.url });
  } catch {
    return false;
  }
}
