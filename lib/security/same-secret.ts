/** Compares a secret someone sent with ours in constant time (a length mismatch answers false at once: lengths are not secret). */
import { timingSafeEqual } from "node:crypto";

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
