/**
 * The memory filter language without a database: the compact string parser, the JSON checker,
 * the printer, and their errors (code, position or path, zh/en text with every placeholder
 * filled). Hostile input (deep nesting, long lists, SQL-looking and unicode values, random
 * strings) must end in a filter error or a plain value, never in anything else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError, errorBody } from "@/lib/errors/app-error";
import { checkFilterAst } from "@/lib/memory/filters/check-filter-ast";
import type { FilterNode } from "@/lib/memory/filters/filter-ast";
import { parseFilterString } from "@/lib/memory/filters/parse-filter-string";
import { parseMemoryFilter } from "@/lib/memory/filters/parse-memory-filter";
import { printFilter } from "@/lib/memory/filters/print-filter";
import { filterArbitrary, hostileTexts, nodeCount } from "../support/filter-arbitraries";

const filterCodes = ["MEMORY_FILTER_SYNTAX", "MEMORY_FILTER_INCOMPLETE", "MEMORY_FILTER_INVALID", "MEMORY_FILTER_TOO_COMPLEX"];

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the filter to be refused");
}

/** The printer writes a multi-key scope and exists:false as an AND / a NOT, and the parser drops one-child and/or. */
function canonical(node: FilterNode): FilterNode {
  if ("and" in node) return node.and.length === 1 ? canonical(node.and[0]) : { and: node.and.map(canonical) };
  if ("or" in node) return node.or.length === 1 ? canonical(node.or[0]) : { or: node.or.map(canonical) };
  if ("not" in node) return { not: canonical(node.not) };
  if ("scope" in node) {
    const parts = Object.entries(node.scope).map(([k, v]) => ({ scope: { [k]: v } }));
    return parts.length === 1 ? parts[0] : { and: parts };
  }
  if ("meta" in node && "exists" in node.meta && !node.meta.exists) return { not: { meta: { key: node.meta.key, exists: true } } };
  return node;
}

describe("compact filter strings", () => {
  it("parses the issue's example into the JSON form", () => {
    expect(parseFilterString("tag:品牌 AND (account:acc_1 OR NOT tier:short_term)")).toEqual({
      and: [{ tag: "品牌" }, { or: [{ scope: { accountId: "acc_1" } }, { not: { tier: "short_term" } }] }],
    });
  });

  it("binds NOT tighter than AND, AND tighter than OR; adjacent terms are AND-ed; keywords in any case", () => {
    expect(parseFilterString("tag:a OR tag:b AND tag:c")).toEqual({ or: [{ tag: "a" }, { and: [{ tag: "b" }, { tag: "c" }] }] });
    expect(parseFilterString("tag:a tag:b or not tag:c")).toEqual({ or: [{ and: [{ tag: "a" }, { tag: "b" }] }, { not: { tag: "c" } }] });
    expect(parseFilterString("tag:a AND tag:b AND tag:c")).toEqual({ and: [{ tag: "a" }, { tag: "b" }, { tag: "c" }] });
    expect(parseFilterString("NOT(tag:a)")).toEqual({ not: { tag: "a" } });
    expect(parseFilterString("  ((tag:a))  ")).toEqual({ tag: "a" });
  });

  it("reads every field and value form", () => {
    expect(parseFilterString('tag:"品牌 调性" tag:"say \\"hi\\"" tag:OR')).toEqual({
      and: [{ tag: "品牌 调性" }, { tag: 'say "hi"' }, { tag: "OR" }],
    });
    expect(parseFilterString('account:none agent:"none" run:conv:2026-01-31#4 user:me user:usr_1')).toEqual({
      and: [
        { scope: { accountId: null } },
        { scope: { agentId: "none" } },
        { scope: { runId: "conv:2026-01-31#4" } },
        { scope: { userId: "me" } },
        { scope: { userId: "usr_1" } },
      ],
    });
    expect(parseFilterString("after:2026-01-31 before:2026-02-01T08:00:00+08:00 tier:long_term")).toEqual({
      and: [{ createdAfter: "2026-01-31T00:00:00.000Z" }, { createdBefore: "2026-02-01T00:00:00.000Z" }, { tier: "long_term" }],
    });
    expect(
      parseFilterString('meta.n:3 meta.r:-2.5e1 meta.s:"3" meta.b:true meta.source.channel:xhs has:lang meta.lang:[zh, "en", 1, false]'),
    ).toEqual({
      and: [
        { meta: { key: "n", eq: 3 } },
        { meta: { key: "r", eq: -25 } },
        { meta: { key: "s", eq: "3" } },
        { meta: { key: "b", eq: true } },
        { meta: { key: "source.channel", eq: "xhs" } },
        { meta: { key: "lang", exists: true } },
        { meta: { key: "lang", in: ["zh", "en", 1, false] } },
      ],
    });
  });

  it("keeps SQL-looking, keyword and unicode text as plain values", () => {
    for (const text of hostileTexts.filter((t) => t.length <= 40)) {
      const quoted = `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
      expect(parseFilterString(`tag:${quoted}`)).toEqual({ tag: text });
    }
    expect(parseFilterString("tag:'--")).toEqual({ tag: "'--" });
  });

  it.each([
    ["tag:a AND", "MEMORY_FILTER_INCOMPLETE", undefined, "NOT | ( |"],
    ["(tag:a", "MEMORY_FILTER_INCOMPLETE", undefined, ")"],
    ['tag:"abc', "MEMORY_FILTER_INCOMPLETE", undefined, '"'],
    ["meta.x:[a,", "MEMORY_FILTER_INCOMPLETE", undefined, "value"],
    ["tag", "MEMORY_FILTER_INCOMPLETE", undefined, ":"],
    ["tag:", "MEMORY_FILTER_INCOMPLETE", undefined, "value"],
    ["tag:a)", "MEMORY_FILTER_SYNTAX", 6, "AND | OR | end"],
    ["colour:red", "MEMORY_FILTER_SYNTAX", 1, "tag:"],
    ["品牌", "MEMORY_FILTER_SYNTAX", 1, "tag:"],
    ["tier:medium", "MEMORY_FILTER_SYNTAX", 6, "short_term | long_term"],
    ["after:yesterday", "MEMORY_FILTER_SYNTAX", 7, "2026-01-31"],
    ["after:2026-02-30", "MEMORY_FILTER_SYNTAX", 7, "2026-01-31"],
    ["before:2026-01-31T08:00", "MEMORY_FILTER_SYNTAX", 8, "2026-01-31"],
    ["tag:品牌 OR OR tag:x", "MEMORY_FILTER_SYNTAX", 11, "tag:"],
    ["tag:😀 oops", "MEMORY_FILTER_SYNTAX", 7, "tag:"],
    ["tag:a(b", "MEMORY_FILTER_SYNTAX", 6, '"…"'],
    ["tag: a", "MEMORY_FILTER_SYNTAX", 5, "value"],
    ["meta.a..b:1", "MEMORY_FILTER_SYNTAX", 6, "[A-Za-z0-9_-]"],
    ["meta.x:[]", "MEMORY_FILTER_SYNTAX", 9, "value"],
    ["meta.x:[a b]", "MEMORY_FILTER_SYNTAX", 11, ", | ]"],
    ['has:"lang"', "MEMORY_FILTER_SYNTAX", 5, "[A-Za-z0-9_-]"],
    ["user:none", "MEMORY_FILTER_SYNTAX", 6, "me | user id"],
    ["agent:has space", "MEMORY_FILTER_SYNTAX", 11, "tag:"],
    ["run:a'b", "MEMORY_FILTER_SYNTAX", 5, "letters digits"],
    [`tag:"${"x".repeat(41)}"`, "MEMORY_FILTER_SYNTAX", 5, "(1–40)"],
    ['tag:"\ud800"', "MEMORY_FILTER_SYNTAX", 5, "(1–40)"],
  ])("refuses %j with %s at %s", (input, code, position, expected) => {
    const error = failure(() => parseFilterString(input));
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.details?.position).toBe(position);
    expect(String(error.details?.expected)).toContain(expected);
    for (const locale of ["zh-CN", "en"] as const) {
      const body = errorBody(error, locale);
      expect(body.message).not.toMatch(/\{\w+\}/);
      expect(body.suggestion).not.toBe("");
    }
  });

  it("refuses absurd nesting, length, node counts and lists without recursing into them", () => {
    const deep = `${"(".repeat(50_000)}tag:a${")".repeat(50_000)}`;
    expect(failure(() => parseMemoryFilter(deep)).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(failure(() => parseFilterString(`${"NOT ".repeat(400)}tag:a`)).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(failure(() => parseFilterString("NOT NOT NOT NOT NOT tag:a")).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(parseFilterString("NOT NOT NOT NOT tag:a")).toEqual({ not: { not: { not: { not: { tag: "a" } } } } });
    expect(failure(() => parseFilterString(Array.from({ length: 50 }, (_, i) => `tag:t${i}`).join(" OR "))).code).toBe(
      "MEMORY_FILTER_TOO_COMPLEX",
    );
    expect(parseFilterString(Array.from({ length: 49 }, (_, i) => `tag:t${i}`).join(" OR "))).toHaveProperty("or.length", 49);
    expect(failure(() => parseFilterString(`meta.x:[${Array.from({ length: 21 }, (_, i) => i).join(",")}]`)).code).toBe(
      "MEMORY_FILTER_TOO_COMPLEX",
    );
    const error = failure(() => parseFilterString("tag:a ".repeat(400)));
    expect(error.code).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(errorBody(error, "en").message).toBe(
      "The filter is too complex: at most 5 levels of nesting, 50 conditions and 20 items in a list.",
    );
  });

  it("answers any string with a filter or a filter error, nothing else (property)", () => {
    const soup = fc
      .array(
        fc.constantFrom(
          "tag:",
          "account:",
          "meta.x:",
          "has:",
          "(",
          ")",
          '"',
          "\\",
          " AND ",
          " OR ",
          "NOT ",
          "[",
          ",",
          "]",
          "a",
          "品",
          "😀",
          ":",
          "none",
          " ",
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), soup), (text) => {
        try {
          parseMemoryFilter(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(filterCodes).toContain((error as AppError).code);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads back what the printer writes (property)", () => {
    fc.assert(
      fc.property(
        filterArbitrary(4).filter((n) => nodeCount(n) <= 25),
        (node) => {
          expect(parseFilterString(printFilter(node))).toEqual(canonical(node));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("JSON filters", () => {
  it("accepts every node shape and returns it normalised", () => {
    const node = {
      and: [
        { or: [{ tag: "品牌" }, { scope: { accountId: "acc_1", runId: null } }] },
        { not: { tier: "short_term" } },
        { createdAfter: "2026-01-31T08:00:00+08:00" },
        { meta: { key: "n", in: [1, -0, "1", true] } },
        { meta: { key: "source.channel", exists: false } },
      ],
    };
    expect(checkFilterAst(node)).toEqual({
      and: [
        { or: [{ tag: "品牌" }, { scope: { accountId: "acc_1", runId: null } }] },
        { not: { tier: "short_term" } },
        { createdAfter: "2026-01-31T00:00:00.000Z" },
        { meta: { key: "n", in: [1, 0, "1", true] } },
        { meta: { key: "source.channel", exists: false } },
      ],
    });
    expect(Object.is((checkFilterAst({ meta: { key: "n", eq: -0 } }) as { meta: { eq: number } }).meta.eq, 0)).toBe(true);
  });

  it.each([
    [{ and: [] }, "filter.and", "[{…}, …]"],
    [{ tag: "a", tier: "long_term" }, "filter", "and | or"],
    [{}, "filter", "and | or"],
    [[{ tag: "a" }], "filter", "and | or"],
    [{ colour: "red" }, "filter", "and | or"],
    [{ not: null }, "filter.not", "and | or"],
    [{ or: [{ tag: "a" }, { tag: 1 }] }, "filter.or[1].tag", '"…" (1–40)'],
    [{ tier: "medium" }, "filter.tier", "short_term | long_term"],
    [{ createdAfter: "2026-01-31T08:00" }, "filter.createdAfter", "2026-01-31"],
    [{ createdBefore: 1_700_000_000_000 }, "filter.createdBefore", "2026-01-31"],
    [{ scope: {} }, "filter.scope", "accountId | userId"],
    [{ scope: { ownerId: "u" } }, "filter.scope", "accountId | userId"],
    [{ scope: { accountId: 1 } }, "filter.scope.accountId", "letters digits"],
    [{ scope: { userId: null } }, "filter.scope.userId", "letters digits"],
    [{ scope: { runId: "a b" } }, "filter.scope.runId", "letters digits"],
    [{ meta: { key: "a b", eq: 1 } }, "filter.meta.key", "[A-Za-z0-9_-]"],
    [{ meta: { key: "$.a", eq: 1 } }, "filter.meta.key", "[A-Za-z0-9_-]"],
    [{ meta: { key: "k".repeat(65), eq: 1 } }, "filter.meta.key", "[A-Za-z0-9_-]"],
    [{ meta: { key: "a", eq: {} } }, "filter.meta.eq", "number"],
    [{ meta: { key: "a", eq: null } }, "filter.meta.eq", "number"],
    [{ meta: { key: "a", eq: Number.NaN } }, "filter.meta.eq", "number"],
    [{ meta: { key: "a", eq: 1, exists: true } }, "filter.meta", "{key, eq | in | exists}"],
    [{ meta: { key: "a", in: [] } }, "filter.meta.in", "[value, …]"],
    [{ meta: { key: "a", in: ["x", ["y"]] } }, "filter.meta.in[1]", "number"],
    [{ meta: { key: "a", exists: "yes" } }, "filter.meta.exists", "true | false"],
    [JSON.parse('{"__proto__": {"tag": "a"}}'), "filter", "and | or"],
  ])("refuses %j at %s", (value, path, expected) => {
    const error = failure(() => checkFilterAst(value));
    expect(error.code).toBe("MEMORY_FILTER_INVALID");
    expect(error.details).toMatchObject({ path });
    expect(String(error.details?.expected)).toContain(expected);
    expect(String(error.details?.found).length).toBeLessThanOrEqual(31);
    expect(errorBody(error, "zh-CN").message).toContain(path);
  });

  it("refuses more depth, nodes or list items than the limits, cheaply", () => {
    let deep: unknown = { tag: "a" };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    expect(failure(() => checkFilterAst(deep)).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(failure(() => checkFilterAst({ and: [{ and: [{ and: [{ and: [{ not: { tag: "a" } }] }] }] }] })).code).toBe(
      "MEMORY_FILTER_TOO_COMPLEX",
    );
    expect(checkFilterAst({ and: [{ and: [{ and: [{ not: { tag: "a" } }] }] }] })).toBeTruthy();
    expect(failure(() => checkFilterAst({ or: Array.from({ length: 1_000_000 }, () => ({ tag: "a" })) })).code).toBe(
      "MEMORY_FILTER_TOO_COMPLEX",
    );
    expect(
      failure(() =>
        checkFilterAst({
          or: [{ and: Array.from({ length: 30 }, () => ({ tag: "a" })) }, { and: Array.from({ length: 30 }, () => ({ tag: "b" })) }],
        }),
      ).code,
    ).toBe("MEMORY_FILTER_TOO_COMPLEX");
    expect(failure(() => checkFilterAst({ meta: { key: "a", in: Array.from({ length: 21 }, (_, i) => i) } })).code).toBe(
      "MEMORY_FILTER_TOO_COMPLEX",
    );
  });

  it("takes JSON text in a string, reports its syntax errors by position, and treats blank as no filter", () => {
    expect(parseMemoryFilter('  {"tag": "品牌"}  ')).toEqual({ tag: "品牌" });
    expect(parseMemoryFilter("   ")).toBeUndefined();
    const parsed = parseMemoryFilter({ scope: { runId: "run-a" } });
    expect(parseMemoryFilter(parsed)).toEqual(parsed);
    const broken = failure(() => parseMemoryFilter('{"tag" "a"}'));
    expect(broken.code).toBe("MEMORY_FILTER_SYNTAX");
    expect(broken.details?.position).toBe(8);
    expect(failure(() => parseMemoryFilter('{"tag":')).code).toBe("MEMORY_FILTER_INCOMPLETE");
    expect(failure(() => parseMemoryFilter('{"tag": "a"} tail')).details?.position).toBe(14);
    expect(failure(() => parseMemoryFilter(`{"tag": "${"a".repeat(3_000)}"}`)).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
  });

  it("accepts what the generator makes within the limits (property)", () => {
    fc.assert(
      fc.property(filterArbitrary(5), (node) => {
        if (nodeCount(node) <= 50) expect(checkFilterAst(JSON.parse(JSON.stringify(node)))).toEqual(node);
        else expect(failure(() => checkFilterAst(node)).code).toBe("MEMORY_FILTER_TOO_COMPLEX");
      }),
      { numRuns: 1_000 },
    );
  });
});
