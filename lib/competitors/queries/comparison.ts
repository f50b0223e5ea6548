/**
 * Own accounts vs competitors over a range: followers, growth, engagement per note, per 1,000
 * followers, engagement rate (by followers: views are rarely known), CES (industry estimate,
 * workspace weights; follows = net new followers), cadence per week.
 */
import type { DbOrTx } from "@/db/client";
import { cachedAnalytics } from "../cache/analytics-cache";
import { getAnalyticsSettings } from "../settings/analytics-settings";
import { cesScore } from "../rules/ces-score";
import { followerGrowth, perThousandFollowers } from "../rules/engagement";
import { daysBetween } from "../rules/time-buckets";
import { periodTotals } from "./period-totals";
import type { DashboardRange } from "./range-params";
import type { SubjectInfo } from "./subject-names";

export type ComparisonRow = {
  key: string;
  type: "competitor" | "account";
  followers: number | null;
  followerGrowthRate: number | null;
  notes: number;
  engagement: number;
  engagementPerNote: number | null;
  perThousandFollowers: number | null;
  engagementRate: number | null;
  ces: number;
  cesPerNote: number | null;
  notesPerWeek: number;
};

export async function getComparison(
  db: DbOrTx,
  ws: { workspaceId: string },
  subjects: SubjectInfo[],
  range: DashboardRange,
): Promise<ComparisonRow[]> {
  const chosen = range.subjects ? subjects.filter((s) => range.subjects!.some((r) => r.id === s.id && r.type === s.type)) : subjects;
  return cachedAnalytics(ws.workspaceId, "comparison", { from: range.from, to: range.to, keys: chosen.map((s) => s.key) }, async () => {
    const [periods, settings] = await Promise.all([
      periodTotals(db, ws.workspaceId, chosen, range, range),
      getAnalyticsSettings(db, ws.workspaceId),
    ]);
    const totals = periods.current;
    const weeks = Math.max(1, (daysBetween(range.from, range.to) + 1) / 7);
    return chosen.map((s) => {
      const t = totals.get(s.key);
      const followers = t?.lastFollowers ?? null;
      const growth = t ? followerGrowth(t.firstFollowers, t.lastFollowers) : null;
      const ces = t
        ? cesScore(
            { likes: t.likes, collects: t.collects, comments: t.comments, shares: t.shares, follows: Math.max(0, growth?.net ?? 0) },
            settings.cesWeights,
          )
        : 0;
      const perNote = t?.notes ? t.engagement / t.notes : null;
      return {
        key: s.key,
        type: s.type,
        followers,
        followerGrowthRate: growth?.rate ?? null,
        notes: t?.notes ?? 0,
        engagement: t?.engagement ?? 0,
        engagementPerNote: perNote,
        perThousandFollowers: perThousandFollowers(t?.engagement ?? 0, followers),
        engagementRate: perNote !== null && followers ? perNote / followers : null,
        ces,
        cesPerNote: t?.notes ? ces / t.notes : null,
        notesPerWeek: (t?.notes ?? 0) / weeks,
      };
    });
  });
}
