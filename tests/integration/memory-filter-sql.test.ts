/**
 * The filter compiler against a reference evaluator, on libSQL: random filters (and flat filters)
 * over seeded memories with every kind of scope, tag, tier, time and metadata (nested, typed,
 * null, missing) must select exactly the rows the plain-TypeScript reading of the language
 * selects, and never a row the caller may not see (another workspace, someone's private memory,
 * a hidden compression member).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, memories, workspaces, type NewMemory } from "@/db/schema";
import { newId } from "@/lib/ids/new-id";
import { memoryFilterSql, type MemoryFilters } from "@/lib/memory/filters/compile-memory-filter";
import type { FilterNode, MetaValue } from "@/lib/memory/filters/filter-ast";
import { actorOf, type MemoryActor } from "@/lib/memory/memory-access";
import { filterArbitrary, instants, nodeCount, scopePool, tagPool } from "../support/filter-arbitraries";
import { memberWithToken, setUpWorkspace } from "../support/fixtures";
import { migratedDb } from "../support/test-db";

type Row = Required<Pick<NewMemory, "id" | "workspaceId" | "ownerId" | "type" | "tags" | "metadata" | "privacy">> & {
  accountId: string | null;
  agentId: string | null;
  runId: string | null;
  compressedInto: string | null;
  createdAt: Date;
};

const metadatas: Record<string, unknown>[] = [
  {},
  { source: "crawler", lang: "zh" },
  { n: 1 },
  { n: 2.5, lang: "en" },
  { n: "1" },
  { flag: true, source: "import" },
  { flag: false },
  { flag: null, n: 0 },
  { nested: { k: "v" } },
  { nested: { k: 1 }, n: -3 },
  { nested: "v", source: "none" },
  { lang: "true", n: true },
];

/** The language as the ADR describes it, in plain TypeScript. */
function lookup(metadata: Record<string, unknown>, key: string): unknown {
  let at: unknown = metadata;
  for (const part of key.split(".")) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
const sameJson = (a: unknown, b: MetaValue) => typeof a === typeof b && a === b;

function matches(node: FilterNode, m: Row, me: string): boolean {
  if ("and" in node) return node.and.every((n) => matches(n, m, me));
  if ("or" in node) return node.or.some((n) => matches(n, m, me));
  if ("not" in node) return !matches(node.not, m, me);
  if ("tag" in node) return m.tags.includes(node.tag);
  if ("tier" in node) return m.type === node.tier;
  if ("createdAfter" in node) return m.createdAt.getTime() > Date.parse(node.createdAfter);
  if ("createdBefore" in node) return m.createdAt.getTime() < Date.parse(node.createdBefore);
  if ("scope" in node) {
    return Object.entries(node.scope).every(([key, v]) => {
      if (key === "userId") return m.ownerId === (v === "me" ? me : v);
      return m[key as "accountId" | "agentId" | "runId"] === v;
    });
  }
  const value = lookup(m.metadata, node.meta.key);
  if ("exists" in node.meta) return (value !== undefined && value !== null) === node.meta.exists;
  if ("in" in node.meta) return node.meta.in.some((v) => sameJson(value, v));
  return sameJson(value, node.meta.eq);
}

function matchesFlat(f: MemoryFilters, m: Row, me: string): boolean {
  return (
    (!f.accountId || m.accountId === f.accountId) &&
    (!f.userId || m.ownerId === (f.userId === "me" ? me : f.userId)) &&
    (!f.agentId || m.agentId === f.agentId) &&
    (!f.runId || m.runId === f.runId) &&
    (!f.type || m.type === f.type) &&
    (f.tags ?? []).every((t) => m.tags.includes(t)) &&
    (!f.from || m.createdAt >= f.from) &&
    (!f.to || m.createdAt <= f.to) &&
    (!f.filter || matches(f.filter, m, me))
  );
}

describe("compiled memory filters select what the language says", () => {
  let db: Db;
  let actor: MemoryActor;
  let other = "";
  const rows: Row[] = [];
  const visible = (m: Row) =>
    m.workspaceId === actor.workspaceId && (m.ownerId === actor.userId || m.privacy === "workspace") && !m.compressedInto;
  const select = async (f: MemoryFilters) =>
    (await db.select({ id: memories.id }).from(memories).where(memoryFilterSql(actor, f))).map((r) => r.id).sort();
  const expected = (f: MemoryFilters) =>
    rows
      .filter((m) => visible(m) && matchesFlat(f, m, actor.userId))
      .map((m) => m.id)
      .sort();

  beforeAll(async () => {
    db = await migratedDb();
    const ws = await setUpWorkspace(db);
    actor = actorOf(ws.admin);
    other = (await memberWithToken(db, ws.admin, "operator")).ctx.userId;
    const foreignWs = newId("ws");
    await db.insert(workspaces).values({ id: foreignWs, slug: "foreign-filters", name: "Foreign" });
    for (const [i, id] of scopePool.accountId.entries())
      await db.insert(accounts).values({ id, workspaceId: actor.workspaceId, name: `账号${i}`, redId: `red${i}` });
    const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
    const start = Date.parse("2025-12-20T00:00:00Z");
    for (let i = 0; i < 90; i++) {
      rows.push({
        id: newId("mry"),
        workspaceId: i % 29 === 5 ? foreignWs : actor.workspaceId,
        ownerId: i % 3 === 0 ? other : actor.userId,
        type: i % 2 ? "long_term" : "short_term",
        privacy: i % 4 === 0 ? "private" : "workspace",
        tags: [pick(tagPool, i), pick(tagPool, i * 7 + 3)].filter((t, j, all) => all.indexOf(t) === j),
        metadata: pick(metadatas, i),
        accountId: pick([null, ...scopePool.accountId], i),
        agentId: pick([null, ...scopePool.agentId], Math.floor(i / 3)),
        runId: pick([null, ...scopePool.runId], Math.floor(i / 2)),
        compressedInto: i % 17 === 4 ? "mry_merged" : null,
        createdAt: new Date(start + i * 16 * 3_600_000),
      });
    }
    await db.insert(memories).values(rows.map((r) => ({ ...r, content: `memory ${r.id}` })));
  });

  it("agrees with the reference on fixed cases, NOT included", async () => {
    const cases: MemoryFilters[] = [
      {},
      { filter: { not: { scope: { accountId: "acc_a" } } } },
      { filter: { scope: { accountId: null } } },
      { filter: { not: { meta: { key: "n", eq: 1 } } } },
      { filter: { meta: { key: "flag", exists: false } } },
      { filter: { meta: { key: "nested.k", eq: "v" } } },
      { filter: { meta: { key: "lang", eq: "true" } } },
      { filter: { meta: { key: "n", eq: true } } },
      { filter: { scope: { userId: "me" } } },
      { accountId: "acc_b", filter: { or: [{ tier: "long_term" }, { not: { tag: "品牌" } }] } },
      { tags: ["'; DROP TABLE memories; --"] },
      { from: new Date(instants[0]), to: new Date(instants[2]), runId: "run:b#2" },
    ];
    for (const f of cases) expect(await select(f), JSON.stringify(f)).toEqual(expected(f));
    // The cases mean something: NOT keeps rows without an account, and some rows match each side.
    const notA = expected(cases[1]);
    expect(notA.length).toBeGreaterThan(0);
    expect(rows.filter((m) => notA.includes(m.id)).some((m) => m.accountId === null)).toBe(true);
  });

  it("agrees with the reference on random filters (property)", async () => {
    const flat = fc.record(
      {
        accountId: fc.constantFrom(...scopePool.accountId),
        userId: fc.constantFrom(...scopePool.userId),
        agentId: fc.constantFrom(...scopePool.agentId),
        runId: fc.constantFrom(...scopePool.runId),
        type: fc.constantFrom("long_term" as const, "short_term" as const),
        tags: fc.uniqueArray(fc.constantFrom(...tagPool), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    // Mostly a filter alone: several flat filters at once leave too few rows to tell a wrong answer from a right one.
    const node = filterArbitrary(5).filter((n) => nodeCount(n) <= 50);
    const few = flat.map((f) => Object.fromEntries(Object.entries(f).slice(0, 2)) as MemoryFilters);
    const filters = fc.oneof(
      { weight: 4, arbitrary: node.map((filter) => ({ filter })) },
      { weight: 1, arbitrary: few },
      { weight: 2, arbitrary: fc.tuple(few, node).map(([f, filter]) => ({ ...f, filter })) },
    );
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        expect(await select(f)).toEqual(expected(f));
      }),
      { numRuns: 500 },
    );
  });
});
