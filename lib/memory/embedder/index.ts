/** The embedder in use. The built-in hashing embedder is the default (and, for now, the only one). */
import { memoryEmbeddingDim } from "@/db/schema";
import type { Embedder } from "./embedder";
import { createHashingEmbedder } from "./hashing-embedder";

export type { Embedder } from "./embedder";

let current: Embedder | undefined;

export function getEmbedder(): Embedder {
  current ??= createHashingEmbedder(memoryEmbeddingDim);
  return current;
}

export async function embedOne(text: string): Promise<number[]> {
  const [v] = await getEmbedder().embed([text]);
  return v;
}
