/**
 * Checks a filter that arrived as JSON (a request body, or a `filter` query parameter that starts
 * with `{`) and returns it as a FilterNode: exactly one key per node, known keys only, values in
 * range, within the depth/node/list limits. It recurses only below the depth limit, so hostile
 * nesting costs nothing. Errors name the path (`filter.and[1].meta.eq`) and what was expected, in
 * tokens that read the same in both languages; the catalogue holds the sentences around them.
 */
import { memoryTypes } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import {
  filterLimits,
  isMetaKey,
  isScopeValue,
  maxMetaKeyChars,
  normaliseInstant,
  scopeKeys,
  type FilterNode,
  type MetaValue,
  type ScopeKey,
} from "./filter-ast";

/** What a position accepts, as shown in MEMORY_FILTER_INVALID / MEMORY_FILTER_SYNTAX. */
export const expected = {
  node: "and | or | not | tag | scope | tier | createdAfter | createdBefore | meta",
  list: `[{…}, …] (1–${filterLimits.maxNodes})`,
  not: "{…}",
  tag: '"…" (1–40)',
  scope: "{accountId | userId | agentId | runId}",
  scopeValue: '"[letters digits _ . : @ # / -]{1,64}" | null',
  tier: memoryTypes.join(" | "),
  instant: "2026-01-31 | 2026-01-31T08:00:00Z | 2026-01-31T08:00:00+08:00",
  meta: "{key, eq | in | exists}",
  metaKey: `[A-Za-z0-9_-] (.[A-Za-z0-9_-])* ≤ ${maxMetaKeyChars}`,
  metaValue: `"…" (≤ ${filterLimits.maxValueChars}) | number | true | false`,
  metaList: `[value, …] (1–${filterLimits.maxList})`,
  exists: "true | false",
} as const;

type Expectation = (typeof expected)[keyof typeof expected];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const wellFormed = (s: string) => s.isWellFormed();

/** A short, printable rendering of what was found (never the whole hostile value). */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  const cut = Array.from(text.toWellFormed()).slice(0, 30).join("");
  return cut.length < text.length ? `${cut}…` : cut;
}

export function tooComplex(): AppError {
  return new AppError("MEMORY_FILTER_TOO_COMPLEX", { details: { ...filterLimits } });
}

export const isTag = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 40 && wellFormed(v);
export const isTier = (v: unknown): v is (typeof memoryTypes)[number] => memoryTypes.includes(v as never);
export const isMetaValue = (v: unknown): v is MetaValue =>
  (typeof v === "string" && v.length <= filterLimits.maxValueChars && wellFormed(v)) ||
  (typeof v === "number" && Number.isFinite(v)) ||
  typeof v === "boolean";

/** -0 compares equal to 0 in SQL anyway; keep the AST canonical. */
export const canonicalMetaValue = (v: MetaValue): MetaValue => (typeof v === "number" && Object.is(v, -0) ? 0 : v);

export function checkFilterAst(value: unknown, path = "filter"): FilterNode {
  const budget = { nodes: 0 };
  return checkNode(value, path, 1, budget);
}

function invalid(path: string, what: Expectation, found: unknown): AppError {
  return new AppError("MEMORY_FILTER_INVALID", { details: { path, expected: what, found: shown(found) } });
}

function checkNode(value: unknown, path: string, depth: number, budget: { nodes: number }): FilterNode {
  if (depth > filterLimits.maxDepth || ++budget.nodes > filterLimits.maxNodes) throw tooComplex();
  if (!isRecord(value)) throw invalid(path, expected.node, value);
  const keys = Object.keys(value);
  if (keys.length !== 1) throw invalid(path, expected.node, keys.slice(0, 5).join(", ") || "{}");
  const [key] = keys;
  const inner = value[key];
  const at = `${path}.${key}`;
  switch (key) {
    case "and":
    case "or": {
      if (!Array.isArray(inner) || inner.length === 0) throw invalid(at, expected.list, inner);
      if (inner.length > filterLimits.maxNodes) throw tooComplex();
      const children = inner.map((child, i) => checkNode(child, `${at}[${i}]`, depth + 1, budget));
      return key === "and" ? { and: children } : { or: children };
    }
    case "not":
      return { not: checkNode(inner, at, depth + 1, budget) };
    case "tag":
      if (!isTag(inner)) throw invalid(at, expected.tag, inner);
      return { tag: inner };
    case "tier":
      if (!isTier(inner)) throw invalid(at, expected.tier, inner);
      return { tier: inner };
    case "createdAfter":
    case "createdBefore": {
      const instant = typeof inner === "string" ? normaliseInstant(inner) : null;
      if (!instant) throw invalid(at, expected.instant, inner);
      return key === "createdAfter" ? { createdAfter: instant } : { createdBefore: instant };
    }
    case "scope":
      return { scope: checkScope(inner, at) };
    case "meta":
      return { meta: checkMeta(inner, at) };
    default:
      throw invalid(path, expected.node, key);
  }
}

function checkScope(inner: unknown, at: string): Partial<Record<ScopeKey, string | null>> {
  if (!isRecord(inner)) throw invalid(at, expected.scope, inner);
  const keys = Object.keys(inner);
  if (keys.length === 0 || keys.some((k) => !scopeKeys.includes(k as ScopeKey)))
    throw invalid(at, expected.scope, keys.slice(0, 5).join(", ") || "{}");
  const out: Partial<Record<ScopeKey, string | null>> = {};
  for (const k of keys as ScopeKey[]) {
    const v = inner[k];
    // Every memory has an owner: "no user" would match nothing, so it is refused as a mistake.
    const ok = v === null ? k !== "userId" : typeof v === "string" && isScopeValue(v);
    if (!ok) throw invalid(`${at}.${k}`, expected.scopeValue, v);
    out[k] = v as string | null;
  }
  return out;
}

function checkMeta(inner: unknown, at: string) {
  if (!isRecord(inner)) throw invalid(at, expected.meta, inner);
  const { key, ...test } = inner;
  if (typeof key !== "string" || !isMetaKey(key)) throw invalid(`${at}.key`, expected.metaKey, key);
  const ops = Object.keys(test);
  if (ops.length !== 1) throw invalid(at, expected.meta, ops.slice(0, 5).join(", ") || "{key}");
  const [op] = ops;
  const v = test[op];
  if (op === "eq") {
    if (!isMetaValue(v)) throw invalid(`${at}.eq`, expected.metaValue, v);
    return { key, eq: canonicalMetaValue(v) };
  }
  if (op === "in") {
    if (!Array.isArray(v) || v.length === 0) throw invalid(`${at}.in`, expected.metaList, v);
    if (v.length > filterLimits.maxList) throw tooComplex();
    v.forEach((item, i) => {
      if (!isMetaValue(item)) throw invalid(`${at}.in[${i}]`, expected.metaValue, item);
    });
    return { key, in: (v as MetaValue[]).map(canonicalMetaValue) };
  }
  if (op === "exists") {
    if (typeof v !== "boolean") throw invalid(`${at}.exists`, expected.exists, v);
    return { key, exists: v };
  }
  throw invalid(at, expected.meta, op);
}
