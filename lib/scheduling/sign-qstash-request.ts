/**
 * Signs a webhook call exactly as QStash does, so the embedded dispatcher (and tests) produce
 * requests that `@upstash/qstash`'s Receiver accepts: a JWT (HS256, key = the signing key's UTF-8
 * bytes) in the `Upstash-Signature` header with claims iss "Upstash", sub = destination URL,
 * body = base64url(sha256(body)), iat, nbf, exp and a unique jti.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function signQstashRequest(input: { url: string; body: string; signingKey: string; nowSeconds?: number; ttlSeconds?: number }): string {
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = b64url(
    JSON.stringify({
      iss: "Upstash",
      sub: input.url,
      exp: now + (input.ttlSeconds ?? 300),
      nbf: now,
      iat: now,
      jti: `jwt_${randomUUID()}`,
      body: b64url(createHash("sha256").update(input.body).digest()),
    }),
  );
  const signature = b64url(createHmac("sha256", Buffer.from(input.signingKey, "utf8")).update(`${header}.${claims}`).digest());
  return `${header}.${claims}.${signature}`;
}
