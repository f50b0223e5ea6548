/** RED title length in "CJK widths": non-ASCII counts 2, ASCII 1, length = ceil(total / 2). */
export function titleWidth(title: string): number {
  let total = 0;
  for (const ch of title) total += ch.charCodeAt(0) < 128 ? 1 : 2;
  return Math.ceil(total / 2);
}

/** Buckets for "title length vs engagement": 0–5, 6–10, 11–15, 16–20, 21+. */
export function titleLengthBucket(width: number): string {
  if (width <= 5) return "0-5";
  if (width <= 10) return "6-10";
  if (width <= 15) return "11-15";
  if (width <= 20) return "16-20";
  return "21+";
}
