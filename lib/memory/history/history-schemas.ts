/**
 * The history endpoints' input (which memory and version, a page of versions) and output (a page
 * of versions, documented in OpenAPI; the integration test parses real answers with it, so the
 * document cannot drift from what the endpoint sends).
 */
import { z } from "zod";
import { memoryHistoryActions, memoryPrivacies, memorySources, memoryTypes } from "@/db/schema";
import { idSchema } from "@/lib/validation/id-schema";
import { restorableFields } from "./version-changes";

/** A version id as it travels in a path: the history row's integer id, as decimal digits. */
export const versionIdSchema = idSchema.regex(/^[1-9][0-9]{0,14}$/, "Not a version id");

export const memoryRefSchema = z.object({ id: idSchema }).strict();
export const memoryVersionRefSchema = z.object({ id: idSchema, versionId: versionIdSchema }).strict();
export type MemoryVersionRef = z.input<typeof memoryVersionRefSchema>;

export const memoryHistoryQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type MemoryHistoryQuery = z.input<typeof memoryHistoryQuerySchema>;

const snapshotSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    type: z.enum(memoryTypes),
    content: z.string(),
    category: z.string().nullable(),
    tags: z.array(z.string()),
    metadata: z.record(z.string(), z.unknown()),
    importance: z.number(),
    accessCount: z.number().int(),
    source: z.enum(memorySources),
    privacy: z.enum(memoryPrivacies),
    compressedInto: z.string().nullable(),
    accountId: z.string().nullable().optional(),
    agentId: z.string().nullable().optional(),
    runId: z.string().nullable().optional(),
    expiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .strict();

export const memoryVersionSchema = z
  .object({
    id: z.number().int().describe("The version id (restore: POST /memories/{id}/history/{versionId}/restore)"),
    action: z.enum(memoryHistoryActions),
    actor: z
      .object({ id: z.string(), name: z.string().nullable() })
      .strict()
      .nullable()
      .describe("null: the system (scheduled maintenance)"),
    createdAt: z.iso.datetime(),
    snapshot: snapshotSchema.nullable().describe("The state this version left; for a delete or cleanup, the state it removed"),
    changes: z
      .array(z.object({ field: z.enum(restorableFields), before: z.unknown(), after: z.unknown() }).strict())
      .describe("The fields this version changed against the one before it (empty for a create or delete)"),
    isCurrent: z.boolean().describe("The memory is in this state now: restoring it would answer 409 MEMORY_VERSION_CURRENT"),
  })
  .strict();

export const memoryHistoryPageSchema = z.object({ versions: z.array(memoryVersionSchema), nextCursor: z.string().nullable() }).strict();
