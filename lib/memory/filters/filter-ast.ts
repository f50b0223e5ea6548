/**
 * The memory filter language as data: one JSON node type shared by search, list, context,
 * analytics and maintenance (docs/adr/0009-memory-scopes.md). Every node is an object with
 * exactly one key. The compact string form (parse-filter-string.ts) parses into the same nodes,
 * and compile-memory-filter.ts turns them into SQL. This file holds the types and the limits.
 */
import { z } from "zod";
import type { MemoryType } from "@/db/schema";

export const scopeKeys = ["accountId", "userId", "agentId", "runId"] as const;
export type ScopeKey = (typeof scopeKeys)[number];

/** A metadata value a filter compares with: JSON scalars only. */
export type MetaValue = string | number | boolean;

/** One of `eq`, `in` or `exists`. */
export type MetaTest = { key: string; eq: MetaValue } | { key: string; in: MetaValue[] } | { key: string; exists: boolean };

export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | { tag: string }
  /** null: the memory has no such scope (no account, no agent, no run). userId "me": the caller. */
  | { scope: Partial<Record<ScopeKey, string | null>> }
  | { tier: MemoryType }
  /** ISO 8601 instants, normalised to `toISOString()`; both bounds are strict. */
  | { createdAfter: string }
  | { createdBefore: string }
  | { meta: MetaTest };

export const filterLimits = {
  /** `{and:[{not:{tag}}]}` is 3 levels. */
  maxDepth: 5,
  /** Every node counts, leaves included. */
  maxNodes: 50,
  /** Items of one `in` list. */
  maxList: 20,
  /** The compact string, in characters. */
  maxChars: 2_000,
  maxValueChars: 200,
} as const;

/** Metadata keys: dots reach into nested objects (`source.channel`). */
export const metaKeyPattern = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
export const maxMetaKeyChars = 64;

/** Scope values (agent and run ids are chosen by the caller): letters, digits and `_ . : @ # / -`. */
export const scopeValuePattern = /^[\p{L}\p{N}_.:@#/-]{1,64}$/u;
/** An agent or run id as the caller names it (`copilot-planner`, `conv:2026-01-31#4`). */
export const scopeValueSchema = z.string().regex(scopeValuePattern, "1-64 letters, digits or _ . : @ # / -");

/** The bare word that means "no such scope" in the compact form (`account:none`), and the caller (`user:me`). */
export const noScopeWord = "none";
export const meWord = "me";

/** `2026-01-31`, `2026-01-31T08:00Z`, `2026-01-31T08:00:00.000+08:00`: a time needs its zone. */
const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The instant as `toISOString()`, or null when it is not an ISO date or instant. */
export function normaliseInstant(text: string): string | null {
  if (!isoInstant.test(text)) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 2026-02-30 over to March; a day that does not exist is a typo.
  if (text.slice(0, 10) !== new Date(Date.parse(`${text.slice(0, 10)}T00:00:00Z`)).toISOString().slice(0, 10)) return null;
  return new Date(ms).toISOString();
}

export function isMetaKey(key: string): boolean {
  return key.length <= maxMetaKeyChars && metaKeyPattern.test(key);
}

export function isScopeValue(value: string): boolean {
  return scopeValuePattern.test(value);
}
