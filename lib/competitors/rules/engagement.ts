/**
 * RED's metric definitions (docs/RED.md): 互动量 engagement = likes + collects + comments + shares;
 * 互动率 engagement rate = engagement / views when views are known, else engagement / followers.
 */
export type NoteCounts = { likes: number; collects: number; comments: number; shares: number; views?: number | null };

export function engagementOf(c: Pick<NoteCounts, "likes" | "collects" | "comments" | "shares">): number {
  return c.likes + c.collects + c.comments + c.shares;
}

export type EngagementRate = { rate: number; basis: "views" | "followers" } | null;

/** null when neither views nor followers are known (> 0): a rate over nothing is not 0%. */
export function engagementRate(engagement: number, basis: { views?: number | null; followers?: number | null }): EngagementRate {
  if (basis.views && basis.views > 0) return { rate: engagement / basis.views, basis: "views" };
  if (basis.followers && basis.followers > 0) return { rate: engagement / basis.followers, basis: "followers" };
  return null;
}

/** 粉丝增长率: net new followers / followers at period start; null when the start is unknown or 0. */
export function followerGrowth(startFollowers: number | null, endFollowers: number | null): { net: number; rate: number | null } | null {
  if (startFollowers === null || endFollowers === null) return null;
  const net = endFollowers - startFollowers;
  return { net, rate: startFollowers > 0 ? net / startFollowers : null };
}

/** Engagement per 1,000 followers: compares accounts of very different sizes. */
export function perThousandFollowers(value: number, followers: number | null): number | null {
  return followers && followers > 0 ? (value * 1000) / followers : null;
}

/** Relative change vs the previous period; null when there is no previous value to compare with. */
export function changeRatio(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
