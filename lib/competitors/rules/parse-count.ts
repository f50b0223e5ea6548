/**
 * Count strings as RED's web pages show them: "1.7万", "10万+", "3,201", "1.2亿", "" / "-".
 * 万 = 10,000; 亿 = 100,000,000; a trailing "+" means the real value is at least this much.
 */
export type ParsedCount = { value: number; lowerBound: boolean };

export class CountParseError extends Error {
  constructor(readonly input: string) {
    super(`not a count: "${input}"`);
    this.name = "CountParseError";
  }
}

const units: Record<string, number> = { "": 1, 万: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000, k: 1_000, K: 1_000 };
const pattern = /^(\d+(?:\.\d+)?)\s*(万|亿|w|W|k|K)?\s*(\+)?$/;

/** Parses one count; numbers pass through. Throws CountParseError for anything that is not a count. */
export function parseCount(input: string | number): ParsedCount {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) throw new CountParseError(String(input));
    return { value: Math.round(input), lowerBound: false };
  }
  // Thousands separators only between digit groups: "3,201" yes, ",5" or "1,2" no.
  const trimmed = input.trim();
  if (/[,，]/.test(trimmed) && !/^\d{1,3}([,，]\d{3})+(\.\d+)?\s*(万|亿|w|W|k|K)?\s*\+?$/.test(trimmed)) throw new CountParseError(input);
  const text = trimmed.replace(/[,，]/g, "");
  const match = pattern.exec(text);
  if (!match) throw new CountParseError(input);
  const [, digits, unit = "", plus] = match;
  // Integer maths on the decimal digits avoids 1.7 * 10000 = 16999.999…
  const [whole, fraction = ""] = digits.split(".");
  const scale = units[unit];
  const value = Number(whole) * scale + Math.round(Number(`0.${fraction || "0"}`) * scale);
  if (unit === "" && fraction) throw new CountParseError(input);
  return { value, lowerBound: plus === "+" };
}

/** The number only, or null when the input is empty ("", "-", null): unknown, not zero. */
export function parseCountOrNull(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "string" && /^\s*-?\s*$/.test(input)) return null;
  return parseCount(input).value;
}
