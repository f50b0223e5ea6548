/**
 * 爆文 (viral note): there is no standard. Default: likes >= 1000. Optional tiers by account
 * size (common practice: >= 800 likes under 10k followers, >= 10k likes for 10k–100k).
 */
import { z } from "zod";

export const viralTierSchema = z
  .object({ maxFollowers: z.number().int().positive().nullable(), minLikes: z.number().int().positive() })
  .strict();

export const viralRuleSchema = z
  .object({
    minLikes: z.number().int().positive().max(10_000_000),
    /** Ordered by maxFollowers ascending; null maxFollowers = no upper bound. Empty: flat threshold. */
    tiers: z.array(viralTierSchema).max(10),
  })
  .strict();

export type ViralRule = z.infer<typeof viralRuleSchema>;

export const defaultViralRule: ViralRule = { minLikes: 1000, tiers: [] };

export const commonViralTiers: ViralRule["tiers"] = [
  { maxFollowers: 10_000, minLikes: 800 },
  { maxFollowers: 100_000, minLikes: 10_000 },
];

/** The like threshold for an author of this size (followers unknown: the flat threshold). */
export function viralThreshold(rule: ViralRule, followers: number | null): number {
  if (followers === null || rule.tiers.length === 0) return rule.minLikes;
  const sorted = [...rule.tiers].sort((a, b) => (a.maxFollowers ?? Infinity) - (b.maxFollowers ?? Infinity));
  const tier = sorted.find((t) => t.maxFollowers === null || followers < t.maxFollowers);
  return tier ? tier.minLikes : rule.minLikes;
}

export function isViral(likes: number, followers: number | null, rule: ViralRule = defaultViralRule): boolean {
  return likes >= viralThreshold(rule, followers);
}
