import { describe, expect, it } from "vitest";
import { repairSurrogateEscapes } from "@/db/well-formed-args";
import { AppError } from "@/lib/errors/app-error";
import { assertSafeInput, inputLimits, repairText } from "@/lib/validation/untrusted-input";

const codeOf = (run: () => unknown) => {
  try {
    run();
    return "passed";
  } catch (error) {
    return error instanceof AppError ? { code: error.code, fields: Object.keys(error.fieldErrors ?? {}) } : String(error);
  }
};

const nested = (depth: number) => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = i % 2 ? { content: [value] } : [value];
  return value;
};

describe("the input gate", () => {
  it("refuses a lone surrogate in a value or a key, naming where", () => {
    expect(codeOf(() => assertSafeInput({ tags: ["ok", "x\ud800y"] }))).toEqual({ code: "MALFORMED_TEXT", fields: ["tags.1"] });
    expect(codeOf(() => assertSafeInput({ doc: { "k\udc00": 1 } }))).toEqual({ code: "MALFORMED_TEXT", fields: ["doc.k\udc00"] });
    expect(codeOf(() => assertSafeInput("\ud83d"))).toEqual({ code: "MALFORMED_TEXT", fields: ["_"] });
  });

  it("lets well-formed text through unchanged: emoji pairs, RTL and zero-width marks, NUL", () => {
    const value = { title: "😍 好物\u202E\u200B\uFEFF", body: "a\u0000b", n: [1e308, -0, 0.5] };
    expect(assertSafeInput(value)).toBe(value);
  });

  it("refuses absurd nesting without overflowing the stack, and allows a deep editor document", () => {
    expect(codeOf(() => assertSafeInput(nested(100_000)))).toMatchObject({ code: "INPUT_TOO_COMPLEX" });
    expect(codeOf(() => assertSafeInput(nested(inputLimits.maxDepth + 1)))).toMatchObject({ code: "INPUT_TOO_COMPLEX" });
    expect(codeOf(() => assertSafeInput(nested(40)))).toBe("passed");
  });

  it("refuses too many values", () => {
    expect(codeOf(() => assertSafeInput({ items: new Array(inputLimits.maxNodes).fill(1) }))).toMatchObject({ code: "INPUT_TOO_COMPLEX" });
  });

  it("repairs what nobody can retype, and returns the same object when nothing is broken", () => {
    expect(repairText({ a: ["x\ud800", { "k\udfff": "ok" }] })).toEqual({ a: ["x\ufffd", { "k\ufffd": "ok" }] });
    const clean = { a: ["😍"] };
    expect(repairText(clean)).toBe(clean);
  });
});

describe("repairSurrogateEscapes (the database client's guard)", () => {
  it.each([
    ['["x\\ud800y"]', '["x\\ufffdy"]'],
    ['["\\uDC00"]', '["\\ufffd"]'],
    ['["\\ud83d\\ude0d"]', '["\\ud83d\\ude0d"]'], // a valid pair
    ['["\\ude0d\\ud83d"]', '["\\ufffd\\ufffd"]'], // reversed halves are two lone ones
    ['["\\\\ud800"]', '["\\\\ud800"]'], // an escaped backslash: the text "\ud800", not an escape
    ['["\\\\\\ud800"]', '["\\\\\\ufffd"]'], // a backslash, then a real escape
    ["plain 😍 text", "plain 😍 text"],
  ])("%s -> %s", (input, expected) => {
    expect(repairSurrogateEscapes(input)).toBe(expected);
    if (input.startsWith("[")) expect(JSON.parse(repairSurrogateEscapes(input)).every((s: string) => s.isWellFormed())).toBe(true);
  });
});
