import { describe, expect, it } from "vitest";
import { CountParseError, parseCount, parseCountOrNull } from "@/lib/competitors/rules/parse-count";

describe("count strings as RED shows them", () => {
  it.each([
    ["1.7万", 17_000, false],
    ["10万+", 100_000, true],
    ["3,201", 3_201, false],
    ["1.2亿", 120_000_000, false],
    ["999", 999, false],
    ["0", 0, false],
    [" 2.35万 ", 23_500, false],
    ["1,234,567", 1_234_567, false],
    ["1w", 10_000, false],
    ["1.5k", 1_500, false],
  ])("%s -> %d", (input, value, lowerBound) => {
    expect(parseCount(input)).toEqual({ value, lowerBound });
  });

  it.each(["", "abc", "-5", "1.2.3", "万", "1,2", "12.5", "1万万", "NaN"])("rejects %j", (input) => {
    expect(() => parseCount(input)).toThrow(CountParseError);
  });

  it("passes numbers through and refuses negative ones", () => {
    expect(parseCount(42)).toEqual({ value: 42, lowerBound: false });
    expect(() => parseCount(-1)).toThrow(CountParseError);
  });

  it("treats empty cells as unknown, not zero", () => {
    expect(parseCountOrNull("")).toBeNull();
    expect(parseCountOrNull("-")).toBeNull();
    expect(parseCountOrNull(null)).toBeNull();
    expect(parseCountOrNull("1.1万")).toBe(11_000);
  });
});
