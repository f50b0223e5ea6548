import { redTitleWidth } from "@/lib/drafts/text-length";

/** RED title length in "CJK widths", the bridge's rule (one function: lib/drafts/text-length.ts). */
export const titleWidth = redTitleWidth;

/** Buckets for "title length vs engagement": 0–5, 6–10, 11–15, 16–20, 21+. */
export function titleLengthBucket(width: number): string {
  if (width <= 5) return "0-5";
  if (width <= 10) return "6-10";
  if (width <= 15) return "11-15";
  if (width <= 20) return "16-20";
  return "21+";
}
