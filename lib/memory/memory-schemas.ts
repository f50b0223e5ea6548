/** The zod schemas for memory input: shared by the lib functions, the REST routes and the OpenAPI document. */
import { z } from "zod";
import { memoryPrivacies, memorySources, memoryTypes } from "@/db/schema";
import { idSchema } from "@/lib/validation/id-schema";
import { scopeValueSchema } from "./filters/filter-ast";
import { memoryFilterFields } from "./filters/memory-filter-schema";

export const maxContentChars = 8_000;
const tag = z.string().trim().min(1).max(40);
const metadata = z.record(z.string().max(64), z.unknown()).refine((m) => JSON.stringify(m).length <= 8_000, "metadata is larger than 8 KB");

/** The scopes a memory is written with (docs/adr/0009-memory-scopes.md); its user is its owner, the writer. */
const scopeFields = {
  accountId: idSchema
    .nullable()
    .optional()
    .describe("The RED account this memory is about (an account of the workspace you may use); null: none (workspace-wide)."),
  agentId: scopeValueSchema.nullable().optional().describe("The agent writing it, as it names itself (e.g. copilot-planner)."),
  runId: scopeValueSchema.nullable().optional().describe("The run (one conversation or task) it comes from."),
};

export const createMemorySchema = z
  .object({
    content: z.string().trim().min(1).max(maxContentChars),
    type: z.enum(memoryTypes).default("short_term"),
    category: z.string().trim().min(1).max(60).nullable().optional(),
    tags: z.array(tag).max(30).default([]),
    metadata: metadata.default({}),
    importance: z.number().min(0).max(1).default(0.5),
    source: z.enum(memorySources).exclude(["compression"]).default("manual"),
    /** Omitted: the owner's configured default. */
    privacy: z.enum(memoryPrivacies).optional(),
    ...scopeFields,
  })
  .strict();
export type CreateMemoryInput = z.input<typeof createMemorySchema>;

export const updateMemorySchema = z
  .object({
    content: z.string().trim().min(1).max(maxContentChars).optional(),
    type: z.enum(memoryTypes).optional(),
    category: z.string().trim().min(1).max(60).nullable().optional(),
    tags: z.array(tag).max(30).optional(),
    metadata: metadata.optional(),
    importance: z.number().min(0).max(1).optional(),
    privacy: z.enum(memoryPrivacies).optional(),
    ...scopeFields,
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to update");
export type UpdateMemoryInput = z.input<typeof updateMemorySchema>;

export const listMemoriesQuerySchema = z
  .object({
    ...memoryFilterFields,
    text: z.string().max(200).optional(),
    sort: z.enum(["created", "importance", "access"]).default("created"),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ListMemoriesQuery = z.input<typeof listMemoriesQuerySchema>;

export const searchMemoriesSchema = z
  .object({
    query: z.string().trim().min(1).max(500),
    k: z.number().int().min(1).max(100).default(10),
    minScore: z.number().min(0).max(1).default(0),
    ...memoryFilterFields,
    mode: z.enum(["hybrid", "vector", "keyword"]).default("hybrid"),
    explain: z.boolean().default(false),
    /** The caller uses the hits (an agent that acts on what it found): each returned memory counts an access (lib/memory/record-use.ts). */
    countAccess: z.boolean().default(false),
  })
  .strict();
export type SearchMemoriesInput = z.input<typeof searchMemoriesSchema>;

export const memoryConfigSchema = z
  .object({
    shortTermRetentionDays: z.number().int().min(1).max(365),
    longTermThreshold: z.number().min(0).max(1),
    promoteAfterAccesses: z.number().int().min(1).max(1000),
    autoCleanup: z.boolean(),
    autoCompress: z.boolean(),
    compressionThreshold: z.number().min(0.5).max(0.99),
    defaultPrivacy: z.enum(memoryPrivacies),
  })
  .strict();
export const updateMemoryConfigSchema = memoryConfigSchema.partial().strict();
export type MemoryConfig = z.infer<typeof memoryConfigSchema>;

/** Cleanup and compress: your own memories, or (memories.manage) the whole workspace; the filters narrow either. */
export const maintenanceRunSchema = z
  .object({
    scope: z.enum(["mine", "workspace"]).default("mine"),
    dryRun: z.boolean().default(false),
    ...memoryFilterFields,
  })
  .strict();
/**
 * Cleanup adds the preview: `dryRun` answers a page (`limit`, `cursor`) of exactly what a run
 * deletes, with the total and its cut-off `asOf`; a run given that `asOf` deletes nothing that
 * expired after the preview.
 */
export const cleanupRunSchema = maintenanceRunSchema
  .extend({
    asOf: z.coerce.date().optional(),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export const undoRunSchema = z.object({ batchId: idSchema }).strict();
