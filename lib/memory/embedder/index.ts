/** The embedder in use. The built-in hashing embedder is the default (and, for now, the only one). */
import { memoryEmbeddingDim } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { Embedder } from "./embedder";
import { createHashingEmbedder } from "./hashing-embedder";

export type { Embedder } from "./embedder";

let current: Embedder | undefined;

export function getEmbedder(): Embedder {
  current ??= createHashingEmbedder(memoryEmbeddingDim);
  return current;
}

/** A vector of another dimension must never reach the F32_BLOB column or a vector query. */
export function assertEmbeddingDim(vector: number[], dim = memoryEmbeddingDim): number[] {
  if (vector.length !== dim || !vector.every(Number.isFinite)) {
    throw new AppError("UNPROCESSABLE", { fieldErrors: { embedding: [`Expected ${dim} finite numbers, got ${vector.length}`] } });
  }
  return vector;
}

export async function embedOne(text: string): Promise<number[]> {
  const [v] = await getEmbedder().embed([text]);
  return assertEmbeddingDim(v);
}
