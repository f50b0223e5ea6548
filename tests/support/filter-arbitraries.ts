/**
 * fast-check arbitraries for the memory filter language (lib/memory/filters/), shared by the unit
 * tests (parser, printer, compiler) and the integration test that runs compiled filters on
 * libSQL. Values come from small pools so that filters match some seeded rows, plus hostile
 * strings (quotes, SQL, keywords, unicode) that must stay plain values.
 */
import fc from "fast-check";
import type { FilterNode, MetaValue } from "@/lib/memory/filters/filter-ast";

export const hostileTexts = [
  "'; DROP TABLE memories; --",
  '" OR 1=1 --',
  "a) OR (b",
  "AND",
  "not",
  "none",
  "品牌 调性",
  "😀",
  "tag:x",
  "\\",
  "[1,2]",
  "true",
  "1e3",
  "a\u0000b",
  "%_",
];

export const tagPool = ["品牌", "护肤", "周末", "a,b", ...hostileTexts];
export const scopePool = {
  accountId: ["acc_a", "acc_b"],
  userId: ["me", "usr_other"],
  agentId: ["copilot-planner", "researcher"],
  runId: ["run-a", "run:b#2"],
};
export const metaKeys = ["source", "lang", "n", "flag", "nested.k", "missing"];
export const metaValues: MetaValue[] = ["crawler", "import", "zh", "en", "1", 1, 2.5, 0, -3, true, false, "v", "none", "true"];
export const instants = ["2026-01-01T00:00:00.000Z", "2026-01-15T12:00:00.000Z", "2026-02-01T00:00:00.000Z"];

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.constantFrom(...tagPool).map((tag) => ({ tag })),
  fc
    .constantFrom("accountId", "agentId", "runId", "userId")
    .chain((key) =>
      fc
        .constantFrom<string | null>(...scopePool[key as keyof typeof scopePool], ...(key === "userId" ? [] : [null]))
        .map((v) => ({ scope: { [key]: v } })),
    ),
  fc.constantFrom("long_term", "short_term").map((tier) => ({ tier }) as FilterNode),
  fc.constantFrom(...instants).map((createdAfter) => ({ createdAfter })),
  fc.constantFrom(...instants).map((createdBefore) => ({ createdBefore })),
  fc.record({ key: fc.constantFrom(...metaKeys), eq: fc.constantFrom(...metaValues) }).map((meta) => ({ meta })),
  fc
    .record({ key: fc.constantFrom(...metaKeys), in: fc.uniqueArray(fc.constantFrom(...metaValues), { minLength: 1, maxLength: 4 }) })
    .map((meta) => ({ meta })),
  fc.record({ key: fc.constantFrom(...metaKeys), exists: fc.boolean() }).map((meta) => ({ meta })),
);

/** A valid filter: depth ≤ maxDepth, few enough nodes (at most 3 children per level). */
export function filterArbitrary(maxDepth = 5): fc.Arbitrary<FilterNode> {
  if (maxDepth <= 1) return leaf;
  const inner = filterArbitrary(maxDepth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((and) => ({ and })) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((or) => ({ or })) },
    { weight: 1, arbitrary: inner.map((not) => ({ not })) },
  );
}

export function nodeCount(node: FilterNode): number {
  if ("and" in node) return 1 + node.and.reduce((s, n) => s + nodeCount(n), 0);
  if ("or" in node) return 1 + node.or.reduce((s, n) => s + nodeCount(n), 0);
  if ("not" in node) return 1 + nodeCount(node.not);
  return 1;
}
