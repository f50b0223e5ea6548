/**
 * A link a person or a file gives us that we will show as a link: http(s) only, so a stored
 * `javascript:` or `data:` URL can never become a clickable script in someone else's browser.
 */
import { z } from "zod";

export const webUrlSchema = (maxLength = 2000) => z.url({ protocol: /^https?$/, error: "http(s) only" }).max(maxLength);

/** For rendering values stored before the rule: the URL when it is http(s), else null. */
export function safeWebUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}
