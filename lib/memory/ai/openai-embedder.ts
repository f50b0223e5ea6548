/**
 * The OpenAI-compatible embedder: `POST {base}/embeddings` with `{ model, input: [...] }`, in
 * batches. Every answer is checked (one finite vector per input, in order, of the configured
 * dimension) and L2-normalised, so a misconfigured model can never write a wrong-size vector.
 */
import { AppError } from "@/lib/errors/app-error";
import type { Embedder } from "../embedder/embedder";
import { postOpenAi, type OpenAiCallOptions, type OpenAiEndpoint } from "./openai-client";

export type OpenAiEmbeddingConfig = OpenAiEndpoint & { model: string; dim: number };

type EmbeddingsAnswer = { data?: { index?: number; embedding?: unknown }[] };

export const embeddingBatchSize = 64;

function checkedVector(raw: unknown, dim: number): number[] {
  if (!Array.isArray(raw) || raw.length !== dim || !raw.every((x) => typeof x === "number" && Number.isFinite(x))) {
    const got = Array.isArray(raw) ? `${raw.length} numbers` : typeof raw;
    throw new AppError("AI_PROVIDER_FAILED", {
      detail: `/embeddings: expected ${dim} numbers per vector, got ${got} (check the dimension setting)`,
    });
  }
  const norm = Math.hypot(...(raw as number[]));
  if (norm === 0) throw new AppError("AI_PROVIDER_FAILED", { detail: "/embeddings: a zero vector came back" });
  return (raw as number[]).map((x) => x / norm);
}

export function createOpenAiEmbedder(config: OpenAiEmbeddingConfig, options: OpenAiCallOptions = {}): Embedder {
  return {
    id: `openai:${config.model}:${config.dim}`,
    dim: config.dim,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += embeddingBatchSize) {
        const input = texts.slice(i, i + embeddingBatchSize);
        const answer = await postOpenAi<EmbeddingsAnswer>(config, "/embeddings", { model: config.model, input }, options);
        const data = Array.isArray(answer.data) ? [...answer.data] : [];
        if (data.length !== input.length)
          throw new AppError("AI_PROVIDER_FAILED", { detail: `/embeddings: sent ${input.length} texts, got ${data.length} vectors` });
        data.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        for (const item of data) out.push(checkedVector(item.embedding, config.dim));
      }
      return out;
    },
  };
}
