/**
 * The zod fields every memory endpoint accepts to narrow what it works on: the flat scope
 * filters and `filter`, the filter language (JSON or compact). Endpoint schemas spread
 * `memoryFilterFields` into their own object; the descriptions here are the API documentation.
 */
import { z } from "zod";
import { memoryPrivacies, memoryTypes } from "@/db/schema";
import { idSchema } from "@/lib/validation/id-schema";
import type { MemoryFilters } from "./compile-memory-filter";
import { filterLimits, scopeValueSchema } from "./filter-ast";
import { parseMemoryFilter } from "./parse-memory-filter";

const tag = z.string().trim().min(1).max(40);
/** "a,b" in a query string, or an array in a body (parsing twice is harmless). */
const tagList = z.union([
  z.array(tag).max(30),
  z
    .string()
    .max(1_000)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
]);

const filterText = `Conditions combined with AND, OR and NOT, as JSON or as a compact string (a query string takes either).
JSON: each node has exactly one key: {"and":[…]}, {"or":[…]}, {"not":{…}}, {"tag":"…"},
{"scope":{"accountId"|"userId"|"agentId"|"runId":"…" or null}} (null: no such scope; userId "me": the caller),
{"tier":"long_term"|"short_term"}, {"createdAfter"|"createdBefore":"2026-01-31T08:00:00+08:00"} (strict bounds),
{"meta":{"key":"source.channel","eq":v | "in":[v,…] | "exists":true|false}} (v: string, number or boolean, equal in JSON type too;
dots reach into nested objects; exists means present and not null).
Compact: tag:品牌 AND (account:acc_1 OR NOT tier:short_term). Fields: tag, account, user, agent, run, tier, after, before,
meta.<key> (meta.lang:[zh, en] for a list), has:<key>. none means no such scope, user:me the caller; adjacent conditions
are AND-ed; keywords are case-insensitive; quote values with spaces, brackets or quotes ("\\"" and "\\\\" escape).
Limits: ${filterLimits.maxDepth} levels, ${filterLimits.maxNodes} conditions, ${filterLimits.maxList} values per list, ${filterLimits.maxChars} characters.
Errors: MEMORY_FILTER_SYNTAX and MEMORY_FILTER_INCOMPLETE (with the character position), MEMORY_FILTER_INVALID (with the JSON path), MEMORY_FILTER_TOO_COMPLEX.`;

export const memoryFilterSchema = z
  .union([z.string().max(filterLimits.maxChars), z.record(z.string(), z.unknown())])
  .meta({
    description: filterText,
    examples: [
      "tag:品牌 AND (account:acc_1 OR NOT tier:short_term)",
      { and: [{ scope: { runId: "conv-42" } }, { not: { tier: "short_term" } }] },
      { meta: { key: "source", in: ["crawler", "import"] } },
    ],
  })
  .transform((v) => parseMemoryFilter(v));

export const memoryFilterFields = {
  accountId: idSchema.optional().describe("Only memories about this RED account (an account id of the workspace)."),
  userId: z.string().min(1).max(64).optional().describe('Only memories of this user: the owner, whose memory it is ("me": the caller).'),
  agentId: scopeValueSchema.optional().describe("Only memories written by this agent (as it named itself, e.g. copilot-planner)."),
  runId: scopeValueSchema.optional().describe("Only memories of this run: one conversation or task of an agent."),
  tags: tagList.optional().describe("Memories carrying all of these tags (an array, or a,b in a query string)."),
  type: z.enum(memoryTypes).optional().describe("The tier."),
  category: z.string().max(60).optional(),
  privacy: z.enum(memoryPrivacies).optional(),
  from: z.coerce.date().optional().describe("Created at or after this time (ISO 8601)."),
  to: z.coerce.date().optional().describe("Created at or before this time (ISO 8601)."),
  filter: memoryFilterSchema.optional(),
};

/** Just the filters (stats, patterns). */
export const memoryFiltersSchema = z.object(memoryFilterFields).strict();
export type MemoryFiltersInput = z.input<typeof memoryFiltersSchema>;

/** The filter fields of a parsed endpoint input (which has other fields too). */
export function filtersOf(input: MemoryFilters): MemoryFilters {
  const { accountId, userId, agentId, runId, tags, type, category, privacy, from, to, filter } = input;
  return { accountId, userId, agentId, runId, tags, type, category, privacy, from, to, filter };
}
