/**
 * The filter compiler's SQL, rendered without a database: every caller-chosen value is a bound
 * parameter (metadata paths included), the visibility condition is always there, and each leaf
 * is NULL-safe so that NOT keeps the rows a leaf does not match. What the SQL selects is checked
 * against a reference evaluator on libSQL in tests/integration/memory-filter-sql.test.ts.
 */
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilterNode, memoryFilterConditions, memoryFilterSql } from "@/lib/memory/filters/compile-memory-filter";
import type { FilterNode } from "@/lib/memory/filters/filter-ast";
import { filterArbitrary } from "../support/filter-arbitraries";

const dialect = new SQLiteSyncDialect();
const render = (q: Parameters<SQLiteSyncDialect["sqlToQuery"]>[0]) => dialect.sqlToQuery(q);
const actor = { workspaceId: "ws_1", userId: "usr_me" };

/** Every string of a node (tags, scope values, metadata keys and values). */
function stringsOf(node: FilterNode): string[] {
  if ("and" in node) return node.and.flatMap(stringsOf);
  if ("or" in node) return node.or.flatMap(stringsOf);
  if ("not" in node) return stringsOf(node.not);
  if ("tag" in node) return [node.tag];
  if ("scope" in node) return Object.values(node.scope).filter((v): v is string => typeof v === "string");
  if ("meta" in node) {
    const m = node.meta;
    const values = "eq" in m ? [m.eq] : "in" in m ? m.in : [];
    return [m.key, ...values.filter((v): v is string => typeof v === "string")];
  }
  return [];
}

describe("compiling filters to SQL", () => {
  it("always includes visibility, and adds nothing when there is no filter", () => {
    const bare = render(memoryFilterSql(actor, {}));
    expect(bare.sql).toContain('"memories"."workspace_id" = ?');
    expect(bare.sql).toContain('"memories"."compressed_into" is null');
    expect(bare.params).toEqual(["ws_1", "usr_me", "workspace"]);
    expect(memoryFilterConditions(actor, {})).toBeUndefined();
    const limited = render(memoryFilterSql({ ...actor, accountIds: ["acc_1"] }, {}));
    expect(limited.sql).toContain('"memories"."account_id" is null');
    expect(limited.params).toContain("acc_1");
  });

  it("binds hostile values and metadata paths instead of writing them into the SQL", () => {
    const evil = "x'); DROP TABLE memories; --";
    const q = render(
      memoryFilterSql(actor, {
        accountId: evil,
        agentId: evil,
        tags: [evil],
        category: evil,
        filter: { or: [{ tag: evil }, { scope: { runId: evil } }, { meta: { key: "a.b-c_d", in: [evil, 1, true] } }] },
      }),
    );
    expect(q.sql).not.toContain("DROP");
    expect(q.params.filter((p) => p === evil)).toHaveLength(7);
    expect(q.params).toContain('$."a"."b-c_d"');
  });

  it("resolves user me to the caller, and none to IS NULL", () => {
    const q = render(compileFilterNode(actor, { scope: { userId: "me", accountId: null } }));
    expect(q.params).toEqual(["usr_me"]);
    expect(q.sql).toBe('("memories"."owner_id" IS ? and "memories"."account_id" is null)');
  });

  it("writes leaves that are never NULL, so NOT keeps the rest", () => {
    expect(render(compileFilterNode(actor, { not: { scope: { accountId: "acc_1" } } })).sql).toBe('(NOT "memories"."account_id" IS ?)');
    const meta = render(compileFilterNode(actor, { not: { meta: { key: "n", eq: 1 } } })).sql;
    expect(meta).toContain("coalesce(json_type(");
    expect(render(compileFilterNode(actor, { meta: { key: "flag", eq: true } })).params).toEqual(['$."flag"', "true"]);
  });

  it("never puts a caller's string into the SQL text (property)", () => {
    const marked = filterArbitrary(4).map(function mark(node: FilterNode): FilterNode {
      if ("and" in node) return { and: node.and.map(mark) };
      if ("or" in node) return { or: node.or.map(mark) };
      if ("not" in node) return { not: mark(node.not) };
      if ("tag" in node) return { tag: `§${node.tag}`.slice(0, 40) };
      if ("scope" in node)
        return { scope: Object.fromEntries(Object.entries(node.scope).map(([k, v]) => [k, v === null || v === "me" ? v : `§${v}`])) };
      return node;
    });
    fc.assert(
      fc.property(marked, (node) => {
        const q = render(memoryFilterSql(actor, { filter: node }));
        expect(q.sql).not.toContain("§");
        for (const s of stringsOf(node)) if (s.includes("§")) expect(q.params).toContain(s);
      }),
      { numRuns: 500 },
    );
  });
});
