/**
 * A filter node in the compact form (parse-filter-string.ts reads it back): what audit records
 * keep of a maintenance run's filter. Values are quoted whenever a bare word would read back as
 * something else (a number, a boolean, `none`, a list, or text with spaces or brackets).
 */
import type { MemoryFilters } from "./compile-memory-filter";
import { meWord, noScopeWord, type FilterNode, type MetaValue, type ScopeKey } from "./filter-ast";

const scopeFieldOf: Record<ScopeKey, string> = { accountId: "account", userId: "user", agentId: "agent", runId: "run" };
const bare = /^[^\s()"[\],]+$/;
const looksTyped = /^(true|false|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/;

const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const text = (s: string) => (bare.test(s) && !looksTyped.test(s) && s !== noScopeWord ? s : quote(s));
const metaValue = (v: MetaValue) => (typeof v === "string" ? text(v) : String(v));
const grouped = (node: FilterNode) => ("and" in node || "or" in node ? `(${printFilter(node)})` : printFilter(node));

export function printFilter(node: FilterNode): string {
  if ("and" in node) return node.and.map(grouped).join(" AND ");
  if ("or" in node) return node.or.map(grouped).join(" OR ");
  if ("not" in node) return `NOT ${grouped(node.not)}`;
  if ("tag" in node) return `tag:${text(node.tag)}`;
  if ("tier" in node) return `tier:${node.tier}`;
  if ("createdAfter" in node) return `after:${node.createdAfter}`;
  if ("createdBefore" in node) return `before:${node.createdBefore}`;
  if ("scope" in node) {
    const parts = Object.entries(node.scope).map(([k, v]) => {
      const value = v === null ? noScopeWord : k === "userId" && v === meWord ? meWord : text(v);
      return `${scopeFieldOf[k as ScopeKey]}:${value}`;
    });
    return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
  }
  const m = node.meta;
  if ("exists" in m) return m.exists ? `has:${m.key}` : `NOT has:${m.key}`;
  if ("in" in m) return `meta.${m.key}:[${m.in.map(metaValue).join(", ")}]`;
  return `meta.${m.key}:${metaValue(m.eq)}`;
}

/** What an audit record keeps of a maintenance run's filters: the given ones, the filter in compact form. */
export function filtersForAudit(f: MemoryFilters): { filters?: Record<string, unknown> } {
  const { filter, from, to, ...flat } = f;
  const kept: Record<string, unknown> = Object.fromEntries(Object.entries(flat).filter(([, v]) => v !== undefined));
  if (from) kept.from = from.toISOString();
  if (to) kept.to = to.toISOString();
  if (filter) kept.filter = printFilter(filter);
  return Object.keys(kept).length ? { filters: kept } : {};
}
