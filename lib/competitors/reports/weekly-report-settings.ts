/**
 * The workspace's weekly emailed competitor report: on/off, recipients, weekday and hour in the
 * workspace's time zone. Saving (with audit) also records "last run = now" when the report is
 * switched on, so the first email goes out at the next slot, not for a slot already past.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { analyticsSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { defaultCesWeights } from "../rules/ces-score";
import { defaultViralRule } from "../rules/viral-note";

export const weeklyReportSchema = z
  .object({
    enabled: z.boolean(),
    recipients: z.array(z.email("不是有效的邮箱地址 / Not a valid email address")).max(20, "最多 20 位收件人 / At most 20 recipients"),
    weekday: z.number().int().min(1).max(7),
    hour: z.number().int().min(0).max(23),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.enabled && v.recipients.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["recipients"],
        message: "开启周报时至少填写一位收件人 / At least one recipient when the report is on",
      });
  });

export type WeeklyReportSettings = z.infer<typeof weeklyReportSchema>;
export type WeeklyReportState = WeeklyReportSettings & { lastRunAt: Date | null; lastSentAt: Date | null; lastError: string | null };

export const defaultWeeklyReport: WeeklyReportSettings = { enabled: false, recipients: [], weekday: 1, hour: 9 };

export async function getWeeklyReport(db: DbOrTx, workspaceId: string): Promise<WeeklyReportState> {
  const [row] = await db.select().from(analyticsSettings).where(eq(analyticsSettings.workspaceId, workspaceId)).limit(1);
  return {
    ...(row?.weeklyReport ?? defaultWeeklyReport),
    lastRunAt: row?.weeklyReportLastRunAt ?? null,
    lastSentAt: row?.weeklyReportLastSentAt ?? null,
    lastError: row?.weeklyReportLastError ?? null,
  };
}

export async function updateWeeklyReport(
  db: Db,
  ctx: WorkspaceContext,
  input: WeeklyReportSettings,
  now = new Date(),
): Promise<WeeklyReportSettings> {
  const before = await getWeeklyReport(db, ctx.workspaceId);
  const switchedOn = input.enabled && !before.enabled;
  const set = { weeklyReport: input, ...(switchedOn ? { weeklyReportLastRunAt: now } : {}), updatedAt: now };
  await db.transaction(async (tx) => {
    await tx
      .insert(analyticsSettings)
      .values({ workspaceId: ctx.workspaceId, viralRule: defaultViralRule, cesWeights: defaultCesWeights, ...set })
      .onConflictDoUpdate({ target: analyticsSettings.workspaceId, set });
    const { lastRunAt: _r, lastSentAt: _s, lastError: _e, ...was } = before;
    await recordAudit(tx, ctx, {
      action: "analytics.weekly_report.update",
      targetType: "workspace",
      targetId: ctx.workspaceId,
      before: was,
      after: input,
    });
  });
  return input;
}

/** Upsert: "send now" may run before any analytics setting was saved. */
export async function recordWeeklyReportRun(
  db: DbOrTx,
  workspaceId: string,
  outcome: { ok: true } | { ok: false; error: string },
  at = new Date(),
): Promise<void> {
  const set = {
    weeklyReportLastRunAt: at,
    weeklyReportLastError: outcome.ok ? null : outcome.error.slice(0, 500),
    ...(outcome.ok ? { weeklyReportLastSentAt: at } : {}),
  };
  await db
    .insert(analyticsSettings)
    .values({ workspaceId, viralRule: defaultViralRule, cesWeights: defaultCesWeights, ...set })
    .onConflictDoUpdate({ target: analyticsSettings.workspaceId, set });
}
