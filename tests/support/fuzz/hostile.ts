/**
 * Hostile values for the property-based suite: strings that break naive text handling (lone
 * surrogates, NUL, bidi overrides, zero-width marks, huge), numbers JSON can carry but code may
 * not expect, deep nesting, huge arrays, prototype-pollution keys and raw query strings.
 */
import fc from "fast-check";

/** Single characters and short strings known to trip text handling, SQLite, JSON functions and URLs. */
export const nastyPieces = [
  "\ud800", // lone high surrogate: not valid UTF-8, the libSQL json_each panic
  "\udfff", // lone low surrogate
  "x\ud800y",
  "\udc00\ud800", // reversed pair
  "\u0000",
  "a\u0000b",
  "\u202e", // right-to-left override
  "\u202d\u2066\u2069",
  "\u200b", // zero-width space
  "\ufeff", // BOM / zero-width no-break space
  "\u200d\u200c",
  "\u2028\u2029", // JS line separators
  "\u0085",
  "\r\n",
  "\t",
  "\u001b[31m",
  "\uffff",
  "🙂",
  "👩‍👩‍👧‍👦",
  "𠮷",
  "é", // e + combining accent
  "%00",
  "%",
  "%ED%A0%80",
  "\\",
  '"',
  "'",
  "`",
  "' OR 1=1 --",
  '"); DROP TABLE drafts; --',
  "*",
  "NEAR(",
  '"unbalanced',
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "=cmd|' /C calc'!A0",
  "{{7*7}}",
  "${process.exit()}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e308",
  "0x10",
  "true",
  "[]",
  "{}",
  "",
  " ",
  "　", // ideographic space
] as const;

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const mark = fc.constantFrom("\u202e", "\u200b", "\ufeff", "\u200f", "\u061c", "\u2060", "\u034f");

/** One unit of a hostile string: mostly ordinary characters, often something nasty. */
const hostileUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.constantFrom("a", "号", "小红书", " ", "#", "@", "-", "_", "1") },
  { weight: 2, arbitrary: fc.constantFrom(...nastyPieces) },
  { weight: 1, arbitrary: surrogate },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: mark },
);

/** A string of ordinary length (up to ~80 units) built from hostile units. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: hostileUnit, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...nastyPieces) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
);

/** Long strings: 64 KB .. ~1 MB (the body cap is 1 MiB, so the largest also exercise 413). */
export const longString = fc
  .tuple(fc.constantFrom(65_536, 300_000, 1_000_000), fc.constantFrom("a", "号", "\ud800", "\u0000", "\u200b", "ab\u202e"))
  .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Numbers JSON can carry (no NaN/Infinity: JSON turns those into null). */
export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    1.5,
    0.1,
    -0.5,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    2 ** 64,
    Number.MAX_SAFE_INTEGER,
    1e21,
    99999999999999999999,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Own-property keys that pollute prototypes when merged naively (parsed from JSON, so they are real keys). */
export const pollutingObject = fc.constantFrom(
  JSON.parse('{"__proto__":{"isAdmin":true,"role":"owner","permissions":["*"]}}'),
  JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'),
  JSON.parse('{"__proto__":null,"toString":"x","valueOf":1,"hasOwnProperty":"x"}'),
) as fc.Arbitrary<Record<string, unknown>>;

/** A nested value `depth` levels deep, built without recursion (so 10,000+ levels are fine). */
export function nested(depth: number, kind: "array" | "object" | "node"): unknown {
  let value: unknown = kind === "node" ? { type: "text", text: "深" } : 1;
  for (let i = 0; i < depth; i++) {
    if (kind === "array") value = [value];
    else if (kind === "object") value = { a: value };
    else value = { type: i % 2 ? "blockquote" : "bulletList", content: [value] };
  }
  return value;
}

export const deepValue = fc
  .tuple(fc.constantFrom(1_000, 2_500, 10_000), fc.constantFrom("array", "object", "node") as fc.Arbitrary<"array" | "object" | "node">)
  .map(([depth, kind]) => nested(depth, kind));

export const hugeArray = fc.constantFrom<unknown>(
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 10_000 }, () => "x"),
  Array.from({ length: 10_000 }, () => ({})),
);

/** Any leaf value of any type: used for "wrong type" leaves. */
export const anyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  pollutingObject,
);

/** Random JSON built from hostile leaves (bounded depth: deep values come from deepValue). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyLeaf,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom("id", "name", "content", "tags", "doc", "__proto__", "constructor")),
      tie("value"),
      { maxKeys: 6 },
    ),
  ),
})).value;

/** JSON text that is not JSON, or JSON in shapes a route will not expect. */
export const rawBodyText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "}",
    "[",
    "null",
    "0",
    '"x"',
    "true",
    '{"a":1,}',
    "{'a':1}",
    "\u0000",
    "\ufeff{}",
    '{"a":"\\ud800"}',
    "NaN",
    "[1,2",
    '{"__proto__":{"x":1}}',
  ),
  fc.string({ unit: hostileUnit, maxLength: 200 }),
);

/** A raw query string (already percent-encoded text, sent as is), with broken escapes and NULs. */
const queryPiece = fc.oneof(
  fc.constantFrom(
    "%00",
    "a%00b",
    "%",
    "%zz",
    "%ED%A0%80",
    "%FF",
    "%C0%AE",
    "+",
    "%2B",
    "=",
    "&",
    "%26",
    "%E2%80%AE",
    "%EF%BB%BF",
    "-1",
    "0",
    "1e308",
    "999999999999999999999",
    "true",
    "null",
    "[]",
    "%5B%5D",
    "*",
    "%22",
    "%27",
    "..%2F..%2F",
  ),
  hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"))),
  fc.string({ unit: "binary-ascii", maxLength: 10 }).map(encodeURIComponent),
);

export function rawQuery(keys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.constant("q") },
    { weight: 1, arbitrary: queryPiece },
  );
  return fc
    .array(
      fc.tuple(
        key,
        fc.array(queryPiece, { minLength: 1, maxLength: 3 }).map((p) => p.join("")),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));
}

/** JSON.stringify that survives anything this file makes (very deep values can overflow it). */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "[]";
  }
}

function depthOf(value: unknown): number {
  let depth = 0;
  for (let v = value; v && typeof v === "object"; depth++)
    v = Array.isArray(v) ? v[0] : (Object.values(v).find((x) => x && typeof x === "object") ?? null);
  return depth;
}

/** A short, printable description of an input for reports (escapes lone surrogates and controls). */
export function describeValue(value: unknown, max = 300): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? "undefined");
  } catch {
    text = `(a value nested ${depthOf(value)}+ levels deep)`;
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
