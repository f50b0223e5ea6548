/** URL slug for a workspace name; Chinese names fall back to a short random slug. */
import { randomBytes } from "node:crypto";

export function slugify(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return ascii.length >= 3 ? ascii : `ws-${randomBytes(3).toString("hex")}`;
}
