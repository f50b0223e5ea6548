/** Random bearer secrets (invite links, API tokens) and their stored sha256 digests. */
import { createHash, randomBytes } from "node:crypto";

export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function digestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A readable one-time password: no look-alike characters. */
export function randomPassword(length = 14): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
