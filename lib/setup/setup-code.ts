/**
 * The one-time setup code: until the first admin exists, whoever reaches `/setup` first would
 * own the install, and the server listens on every interface. As Jenkins and Grafana do, setup
 * asks for a code that only someone who can read the server's log has. It is derived from the
 * auth secret (HMAC), so every instance of a deployment prints the same code and nothing is
 * stored; it is worthless once setup is done.
 */
import { createHmac } from "node:crypto";
import { sameSecret } from "@/lib/security/same-secret";

const alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // no 0/O, 1/I/L, U

export function setupCodeFor(authSecret: string): string {
  const digest = createHmac("sha256", authSecret).update("redmatrix first-run setup code").digest();
  const chars = [...digest.subarray(0, 12)].map((byte) => alphabet[byte % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

const normalize = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

export function isSetupCode(given: string, authSecret: string): boolean {
  return sameSecret(normalize(given), normalize(setupCodeFor(authSecret)));
}
