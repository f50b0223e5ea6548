"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { analyticsSettingsSchema, updateAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { collectCompetitor } from "@/lib/competitors/collect/collect-competitor";
import { collectOwnAccount } from "@/lib/competitors/collect/collect-own-account";
import { configuredDataBridge } from "@/lib/competitors/collect/bridge-client-for";
import { sendWeeklyReport } from "@/lib/competitors/reports/send-weekly-report";
import { getWeeklyReport, updateWeeklyReport, weeklyReportSchema } from "@/lib/competitors/reports/weekly-report-settings";
import { addWatchTopic, removeWatchTopic, watchTopicSchema } from "@/lib/competitors/settings/topic-watchlist";
import { createCompetitorSchema } from "@/lib/competitors/settings/competitor-schemas";
import { createCompetitor, deleteCompetitor } from "@/lib/competitors/settings/manage-competitors";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { workspaceAction } from "@/lib/next/workspace-action";
import { byIdSchema } from "@/lib/validation/id-schema";

export const createCompetitorAction = workspaceAction(
  { permission: "competitors.manage", schema: createCompetitorSchema },
  async ({ ctx, db, input }) => {
    const competitor = await createCompetitor(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/competitors`, "layout");
    return { id: competitor.id };
  },
);

export const deleteCompetitorAction = workspaceAction(
  { permission: "competitors.manage", schema: byIdSchema },
  async ({ ctx, db, input }) => {
    await deleteCompetitor(db, ctx, input.id);
    revalidatePath(`/${ctx.workspaceSlug}/competitors`, "layout");
    return { id: input.id };
  },
);

export const collectNowAction = workspaceAction({ permission: "competitors.manage", schema: byIdSchema }, async ({ ctx, db, input }) => {
  const bridge = configuredDataBridge();
  if (!bridge) throw new AppError("UNPROCESSABLE", { fieldErrors: { bridge: ["XHS_DATA_BRIDGE_URL is not set"] } });
  const summary = await collectCompetitor(db, ctx, input.id, bridge);
  revalidatePath(`/${ctx.workspaceSlug}/competitors`, "layout");
  return summary;
});

export const collectOwnAccountNowAction = workspaceAction(
  { permission: "competitors.manage", schema: byIdSchema },
  async ({ ctx, db, input }) => {
    const summary = await collectOwnAccount(db, ctx, input.id, configuredDataBridge());
    revalidatePath(`/${ctx.workspaceSlug}/competitors`, "layout");
    return summary;
  },
);

export const addWatchTopicAction = workspaceAction(
  { permission: "competitors.manage", schema: watchTopicSchema },
  async ({ ctx, db, input }) => {
    await addWatchTopic(db, ctx, input.topic);
    revalidatePath(`/${ctx.workspaceSlug}/competitors/topics`);
    return { topic: input.topic };
  },
);

export const removeWatchTopicAction = workspaceAction(
  { permission: "competitors.manage", schema: byIdSchema },
  async ({ ctx, db, input }) => {
    await removeWatchTopic(db, ctx, input.id);
    revalidatePath(`/${ctx.workspaceSlug}/competitors/topics`);
    return { id: input.id };
  },
);

export const updateAnalyticsSettingsAction = workspaceAction(
  { permission: "settings.manage", schema: analyticsSettingsSchema },
  async ({ ctx, db, input }) => {
    await updateAnalyticsSettings(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/competitors`, "layout");
    return input;
  },
);

export const updateWeeklyReportAction = workspaceAction(
  { permission: "settings.manage", schema: weeklyReportSchema },
  async ({ ctx, db, input }) => {
    const saved = await updateWeeklyReport(db, ctx, input);
    revalidatePath(`/${ctx.workspaceSlug}/competitors/manage`);
    return saved;
  },
);

/** Sends the report for the last 7 full days now, to the saved recipients (audited). */
export const sendWeeklyReportNowAction = workspaceAction(
  { permission: "settings.manage", schema: z.object({}).strict() },
  async ({ ctx, db }) => {
    const sent = await sendWeeklyReport(db, ctx.workspaceId, await getWeeklyReport(db, ctx.workspaceId));
    await recordAudit(db, ctx, { action: "analytics.weekly_report.send", targetType: "workspace", targetId: ctx.workspaceId, after: sent });
    revalidatePath(`/${ctx.workspaceSlug}/competitors/manage`);
    return sent;
  },
);
