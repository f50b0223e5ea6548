/** The workspace's analytics settings (viral threshold, CES weights), with defaults when unset. */
import { eq, max, min } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { analyticsSettings, trackedNotes, workspaces } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { cesWeightsSchema, defaultCesWeights, type CesWeights } from "../rules/ces-score";
import { invalidateAnalytics } from "../cache/analytics-cache";
import { refreshSubjectNoteRollups } from "../ingest/ingest-series";
import { defaultViralRule, viralRuleSchema, type ViralRule } from "../rules/viral-note";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export type AnalyticsSettings = { viralRule: ViralRule; cesWeights: CesWeights };

export const analyticsSettingsSchema = z.object({ viralRule: viralRuleSchema, cesWeights: cesWeightsSchema }).strict();

export async function getAnalyticsSettings(db: DbOrTx, workspaceId: string): Promise<AnalyticsSettings> {
  const [row] = await db.select().from(analyticsSettings).where(eq(analyticsSettings.workspaceId, workspaceId)).limit(1);
  return row ? { viralRule: row.viralRule, cesWeights: row.cesWeights } : { viralRule: defaultViralRule, cesWeights: defaultCesWeights };
}

export async function updateAnalyticsSettings(db: Db, ctx: WorkspaceContext, input: AnalyticsSettings): Promise<AnalyticsSettings> {
  const before = await getAnalyticsSettings(db, ctx.workspaceId);
  await db.transaction(async (tx) => {
    await tx
      .insert(analyticsSettings)
      .values({ workspaceId: ctx.workspaceId, ...input })
      .onConflictDoUpdate({ target: analyticsSettings.workspaceId, set: { ...input, updatedAt: new Date() } });
    // The daily rollups count viral notes: a new threshold recounts them for every subject.
    if (JSON.stringify(before.viralRule) !== JSON.stringify(input.viralRule)) {
      const [ws] = await tx.select({ timezone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, ctx.workspaceId));
      const subjects = await tx
        .select({
          subjectType: trackedNotes.subjectType,
          subjectId: trackedNotes.subjectId,
          from: min(trackedNotes.publishedAt),
          to: max(trackedNotes.publishedAt),
        })
        .from(trackedNotes)
        .where(eq(trackedNotes.workspaceId, ctx.workspaceId))
        .groupBy(trackedNotes.subjectType, trackedNotes.subjectId);
      for (const s of subjects) {
        const target = {
          workspaceId: ctx.workspaceId,
          timezone: ws?.timezone ?? defaultTimezone,
          subjectType: s.subjectType,
          subjectId: s.subjectId,
          settings: input,
        };
        await refreshSubjectNoteRollups(tx, target, { from: s.from!.getTime(), to: s.to!.getTime() });
      }
    }
    await recordAudit(tx, ctx, {
      action: "analytics.settings.update",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before,
      after: input,
    });
  });
  await invalidateAnalytics(ctx.workspaceId);
  return input;
}
