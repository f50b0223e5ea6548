/**
 * CES score (an industry estimate, not an official RED metric): a weighted sum of interactions.
 * Default weights like 1, collect 1, comment 4, share 4, follow 8; workspaces can change them.
 */
import { z } from "zod";

export const cesWeightsSchema = z
  .object({
    like: z.number().min(0).max(100),
    collect: z.number().min(0).max(100),
    comment: z.number().min(0).max(100),
    share: z.number().min(0).max(100),
    follow: z.number().min(0).max(100),
  })
  .strict();

export type CesWeights = z.infer<typeof cesWeightsSchema>;

export const defaultCesWeights: CesWeights = { like: 1, collect: 1, comment: 4, share: 4, follow: 8 };

export type CesInput = { likes: number; collects: number; comments: number; shares: number; follows?: number };

export function cesScore(input: CesInput, weights: CesWeights = defaultCesWeights): number {
  return (
    input.likes * weights.like +
    input.collects * weights.collect +
    input.comments * weights.comment +
    input.shares * weights.share +
    (input.follows ?? 0) * weights.follow
  );
}
