/**
 * Scope filters -> one SQL condition, AND-ed with what the caller may see (visibleTo). Every value
 * is a bound parameter, metadata paths included; the only SQL text is fixed here.
 *
 * Each leaf is written to be true or false, never NULL (`IS` instead of `=`, `coalesce` around
 * json_type), so that NOT means "everything else": `NOT account:acc_1` keeps the memories that
 * have no account, which a plain `account_id <> ?` would silently drop.
 */
import { and, eq, gt, gte, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { memories, type MemoryPrivacy, type MemoryType } from "@/db/schema";
import { visibleTo, type MemoryActor } from "../memory-access";
import { meWord, type FilterNode, type MetaValue, type ScopeKey } from "./filter-ast";

/** What every memory endpoint accepts (memory-filter-schema.ts parses it). */
export type MemoryFilters = {
  accountId?: string;
  userId?: string;
  agentId?: string;
  runId?: string;
  /** All of them. */
  tags?: string[];
  type?: MemoryType;
  category?: string;
  privacy?: MemoryPrivacy;
  /** Created at or after / at or before. */
  from?: Date;
  to?: Date;
  filter?: FilterNode;
};

export type FilterOptions = {
  /** Context retrieval: `accountId` means that account's memories plus the ones about no account. */
  accountOrUnscoped?: boolean;
  includeCompressed?: boolean;
};

type Actor = Pick<MemoryActor, "workspaceId" | "userId" | "accountIds">;

/** Visible to the actor AND matching every filter. */
export function memoryFilterSql(actor: Actor, f: MemoryFilters, options: FilterOptions = {}): SQL {
  return and(visibleTo(actor, options), memoryFilterConditions(actor, f, options))!;
}

/**
 * The filters alone, for maintenance: there the run's scope ("mine", or every owner's with
 * memories.manage) decides whose memories are touched, and the filters narrow it further.
 */
export function memoryFilterConditions(actor: Pick<MemoryActor, "userId">, f: MemoryFilters, options: FilterOptions = {}): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.accountId)
    parts.push(
      options.accountOrUnscoped ? or(isNull(memories.accountId), eq(memories.accountId, f.accountId)) : eq(memories.accountId, f.accountId),
    );
  if (f.userId) parts.push(eq(memories.ownerId, f.userId === meWord ? actor.userId : f.userId));
  if (f.agentId) parts.push(eq(memories.agentId, f.agentId));
  if (f.runId) parts.push(eq(memories.runId, f.runId));
  if (f.type) parts.push(eq(memories.type, f.type));
  if (f.category) parts.push(eq(memories.category, f.category));
  if (f.privacy) parts.push(eq(memories.privacy, f.privacy));
  if (f.from) parts.push(gte(memories.createdAt, f.from));
  if (f.to) parts.push(lte(memories.createdAt, f.to));
  for (const tag of f.tags ?? []) parts.push(hasTag(tag));
  if (f.filter) parts.push(compileFilterNode(actor, f.filter));
  return parts.length ? and(...parts) : undefined;
}

const scopeColumns = { accountId: memories.accountId, userId: memories.ownerId, agentId: memories.agentId, runId: memories.runId };

const hasTag = (tag: string) => sql`EXISTS (SELECT 1 FROM json_each(${memories.tags}) AS filter_tag WHERE filter_tag.value = ${tag})`;

/** `source.channel` -> `$."source"."channel"` (keys are checked: letters, digits, `_`, `-`). */
const jsonPath = (key: string) =>
  `$${key
    .split(".")
    .map((k) => `."${k}"`)
    .join("")}`;

export function compileFilterNode(actor: Pick<MemoryActor, "userId">, node: FilterNode): SQL {
  if ("and" in node) return and(...node.and.map((n) => compileFilterNode(actor, n)))!;
  if ("or" in node) return or(...node.or.map((n) => compileFilterNode(actor, n)))!;
  if ("not" in node) return sql`(NOT ${compileFilterNode(actor, node.not)})`;
  if ("tag" in node) return hasTag(node.tag);
  if ("tier" in node) return eq(memories.type, node.tier);
  if ("createdAfter" in node) return gt(memories.createdAt, new Date(node.createdAfter));
  if ("createdBefore" in node) return lt(memories.createdAt, new Date(node.createdBefore));
  if ("scope" in node) {
    return and(
      ...Object.entries(node.scope).map(([key, value]) => {
        const column = scopeColumns[key as ScopeKey];
        if (value === null) return isNull(column);
        return sql`${column} IS ${key === "userId" && value === meWord ? actor.userId : value}`;
      }),
    )!;
  }
  const { meta } = node;
  const path = jsonPath(meta.key);
  if ("exists" in meta) {
    const present = sql`coalesce(json_type(${memories.metadata}, ${path}), 'null') IS NOT 'null'`;
    return meta.exists ? present : sql`(NOT ${present})`;
  }
  if ("in" in meta) return or(...meta.in.map((v) => metaEquals(path, v)))!;
  return metaEquals(path, meta.eq);
}

/** Equal value and JSON type: 1 never equals "1" or true, as in the JSON the caller wrote. */
function metaEquals(path: string, value: MetaValue): SQL {
  const type = sql`json_type(${memories.metadata}, ${path})`;
  if (typeof value === "boolean") return sql`${type} IS ${value ? "true" : "false"}`;
  const extracted = sql`json_extract(${memories.metadata}, ${path})`;
  if (typeof value === "number") return sql`(coalesce(${type} IN ('integer', 'real'), 0) AND ${extracted} = ${value})`;
  return sql`(coalesce(${type} IS 'text', 0) AND ${extracted} = ${value})`;
}
