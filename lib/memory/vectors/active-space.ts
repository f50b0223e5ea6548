/**
 * The vector space a workspace's memories are searched and written in now, with the embedder
 * that makes its vectors. Until a re-embedding job finishes, that is the previous space: search
 * keeps answering from complete old vectors rather than a half-filled new table.
 */
import type { DbOrTx } from "@/db/client";
import type { EmbeddingSpaceSpec } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { loadAiSettings, readApiKey } from "../ai/ai-settings";
import { createOpenAiEmbedder } from "../ai/openai-embedder";
import { getEmbedder, type Embedder } from "../embedder";
import { builtinSpec, vectorSpaceOf, type VectorSpace } from "./vector-space";

export type ActiveSpace = { spec: EmbeddingSpaceSpec; space: VectorSpace; embedder: Embedder };

export function spaceWithEmbedder(spec: EmbeddingSpaceSpec, encryptedKey: string | null): ActiveSpace {
  const embedder =
    spec.provider === "builtin"
      ? getEmbedder()
      : createOpenAiEmbedder({ baseUrl: spec.baseUrl, model: spec.model, dim: spec.dim, apiKey: readApiKey(encryptedKey) });
  return { spec, space: vectorSpaceOf(spec), embedder };
}

export async function activeSpace(db: DbOrTx, workspaceId: string): Promise<ActiveSpace> {
  const row = await loadAiSettings(db, workspaceId);
  if (!row) return spaceWithEmbedder(builtinSpec, null);
  return spaceWithEmbedder(row.activeEmbedding, row.activeEmbeddingApiKey);
}

/** Embeds one text in a space, checking the dimension. */
export async function embedIn(active: ActiveSpace, text: string): Promise<number[]> {
  const [v] = await active.embedder.embed([text]);
  if (!v || v.length !== active.space.dim)
    throw new Error(`embedder ${active.embedder.id} returned ${v?.length ?? 0} numbers, expected ${active.space.dim}`);
  return v;
}

/** Inside the write transaction: the space the vector was made in is still the active one (a job may have switched it). */
export async function assertStillActive(tx: DbOrTx, workspaceId: string, active: ActiveSpace): Promise<void> {
  const row = await loadAiSettings(tx, workspaceId);
  const now = row ? vectorSpaceOf(row.activeEmbedding).key : "builtin";
  if (now !== active.space.key)
    throw new AppError("CONFLICT", { detail: "the embedding space changed while this memory was being embedded; try again" });
}
