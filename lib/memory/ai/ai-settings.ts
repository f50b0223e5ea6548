/**
 * A workspace's memory model providers: the embedding space it wants (built-in or an
 * OpenAI-compatible /embeddings), the one search uses now, and an optional OpenAI-compatible chat
 * model for compression summaries. API keys are encrypted with the key ring and write-only: the
 * view says only whether one is set; an omitted or empty key keeps the stored one. Base URLs pass
 * the same private-address policy as publisher URLs. Changing the embedding space starts a
 * re-embedding job (lib/memory/vectors/reembed-job.ts); it becomes active when that job finishes.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { memoryAiSettings, type EmbeddingSpaceSpec, type MemoryAiSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { publisherUrlSchema } from "@/lib/publishing/publisher-url-schema";
import { getKeyRing } from "@/lib/security/crypto/get-key-ring";
import { decryptSecret, encryptSecret } from "@/lib/security/crypto/secret-box";
import { builtinSpec, sameSpace } from "../vectors/vector-space";

const apiKeySchema = z.string().trim().max(500).optional();
const modelSchema = z.string().trim().min(1).max(120);

export const updateAiSettingsSchema = z
  .object({
    embedding: z
      .discriminatedUnion("provider", [
        z.object({ provider: z.literal("builtin") }).strict(),
        z
          .object({
            provider: z.literal("openai"),
            baseUrl: publisherUrlSchema,
            model: modelSchema,
            dim: z.number().int().min(8).max(4096),
            apiKey: apiKeySchema,
          })
          .strict(),
      ])
      .optional(),
    /** null turns LLM summaries off. */
    chat: z.object({ baseUrl: publisherUrlSchema, model: modelSchema, apiKey: apiKeySchema }).strict().nullable().optional(),
  })
  .strict();
export type UpdateAiSettingsInput = z.infer<typeof updateAiSettingsSchema>;

const specView = (s: EmbeddingSpaceSpec) =>
  s.provider === "builtin" ? { provider: "builtin" as const } : { provider: s.provider, baseUrl: s.baseUrl, model: s.model, dim: s.dim };

export function aiSettingsView(row: MemoryAiSettings | null) {
  if (!row) return { embedding: { provider: "builtin" as const, apiKeySet: false }, active: { provider: "builtin" as const }, chat: null };
  return {
    embedding: { ...specView(row.embedding), apiKeySet: row.embedding.provider !== "builtin" && row.embeddingApiKey !== null },
    active: specView(row.activeEmbedding),
    chat: row.chatBaseUrl && row.chatModel ? { baseUrl: row.chatBaseUrl, model: row.chatModel, apiKeySet: row.chatApiKey !== null } : null,
  };
}
export type AiSettingsView = ReturnType<typeof aiSettingsView>;

export async function loadAiSettings(db: DbOrTx, workspaceId: string): Promise<MemoryAiSettings | null> {
  const [row] = await db.select().from(memoryAiSettings).where(eq(memoryAiSettings.workspaceId, workspaceId));
  return row ?? null;
}

export const readApiKey = (stored: string | null): string | null => (stored ? decryptSecret(getKeyRing(), stored) : null);
const sealKey = (given: string | undefined, kept: string | null): string | null => (given ? encryptSecret(getKeyRing(), given) : kept);

/** Saves the settings; returns whether the embedding space changed (the caller starts the job). */
export async function saveAiSettings(
  tx: DbOrTx,
  ctx: WorkspaceContext,
  input: UpdateAiSettingsInput,
): Promise<{ row: MemoryAiSettings; embeddingChanged: boolean }> {
  const before = await loadAiSettings(tx, ctx.workspaceId);
  const current = before ?? {
    embedding: builtinSpec,
    embeddingApiKey: null,
    activeEmbedding: builtinSpec,
    activeEmbeddingApiKey: null,
    chatBaseUrl: null,
    chatModel: null,
    chatApiKey: null,
  };
  const next = { ...current };
  if (input.embedding) {
    const { apiKey, ...spec } = input.embedding as EmbeddingSpaceSpec & { apiKey?: string };
    const keepKey = spec.provider !== "builtin" && current.embedding.provider !== "builtin" && spec.baseUrl === current.embedding.baseUrl;
    next.embedding =
      spec.provider === "builtin"
        ? builtinSpec
        : { provider: "openai", baseUrl: spec.baseUrl.replace(/\/+$/, ""), model: spec.model, dim: spec.dim };
    next.embeddingApiKey = spec.provider === "builtin" ? null : sealKey(apiKey, keepKey ? current.embeddingApiKey : null);
  }
  if (input.chat === null) Object.assign(next, { chatBaseUrl: null, chatModel: null, chatApiKey: null });
  else if (input.chat) {
    const keep = input.chat.baseUrl.replace(/\/+$/, "") === current.chatBaseUrl;
    Object.assign(next, {
      chatBaseUrl: input.chat.baseUrl.replace(/\/+$/, ""),
      chatModel: input.chat.model,
      chatApiKey: sealKey(input.chat.apiKey, keep ? current.chatApiKey : null),
    });
  }
  const embeddingChanged =
    !sameSpace(next.embedding, current.embedding) || (input.embedding !== undefined && !sameSpace(next.embedding, current.activeEmbedding));
  const values = {
    workspaceId: ctx.workspaceId,
    embedding: next.embedding,
    embeddingApiKey: next.embeddingApiKey,
    activeEmbedding: next.activeEmbedding,
    activeEmbeddingApiKey: next.activeEmbeddingApiKey,
    chatBaseUrl: next.chatBaseUrl,
    chatModel: next.chatModel,
    chatApiKey: next.chatApiKey,
  };
  const [row] = await tx
    .insert(memoryAiSettings)
    .values(values)
    .onConflictDoUpdate({ target: memoryAiSettings.workspaceId, set: values })
    .returning();
  await recordAudit(tx, ctx, {
    action: "memory_ai_settings.update",
    targetType: "workspace",
    targetId: ctx.workspaceId,
    before: aiSettingsView(before),
    after: aiSettingsView(row),
  });
  return { row, embeddingChanged };
}
