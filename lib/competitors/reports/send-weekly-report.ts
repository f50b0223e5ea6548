/**
 * Sends the competitor report for the 7 local days before `day` (default: the last 7 full days)
 * through the workspace's first enabled email channel (its SMTP server and from address) to the
 * report's recipients, and records the outcome. Reuses the report builder and its CSV.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationChannels, workspaces } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { senderConfigFor } from "@/lib/notifications/channels/channel-settings";
import { emailConfigSchema, sendEmail } from "@/lib/notifications/channels/email";
import { ChannelSendError } from "@/lib/notifications/channels/types";
import { listSubjects } from "../queries/subject-names";
import { dayKey } from "../rules/time-buckets";
import { buildCompetitorReport } from "./competitor-report";
import { weeklyReportEmail } from "./weekly-report-email";
import { recordWeeklyReportRun, type WeeklyReportSettings } from "./weekly-report-settings";
import { weekBefore } from "./weekly-report-slot";

export async function sendWeeklyReport(
  db: Db,
  workspaceId: string,
  settings: Pick<WeeklyReportSettings, "recipients">,
  o: { now?: Date; day?: string } = {},
): Promise<{ from: string; to: string; recipients: number }> {
  const now = o.now ?? new Date();
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new AppError("NOT_FOUND", { detail: "workspace" });
  if (!settings.recipients.length) throw new AppError("UNPROCESSABLE", { fieldErrors: { recipients: ["At least one recipient"] } });
  const [channel] = await db
    .select()
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.workspaceId, workspaceId),
        eq(notificationChannels.kind, "email"),
        eq(notificationChannels.enabled, true),
      ),
    )
    .orderBy(asc(notificationChannels.createdAt))
    .limit(1);
  const fail = async (error: string, code: "NO_EMAIL_CHANNEL" | "REPORT_SEND_FAILED", cause?: unknown) => {
    await recordWeeklyReportRun(db, workspaceId, { ok: false, error }, now);
    return new AppError(code, { detail: error, cause });
  };
  if (!channel) throw await fail("no enabled email channel", "NO_EMAIL_CHANNEL");
  const config = emailConfigSchema.safeParse(senderConfigFor(channel));
  if (!config.success) throw await fail(`email channel "${channel.name}" is incomplete`, "NO_EMAIL_CHANNEL");

  const timezone = workspace.timezone;
  const week = weekBefore(o.day ?? dayKey(now, timezone));
  const range = { from: week.from, to: week.to, granularity: "day" as const, subjects: null };
  const subjects = await listSubjects(db, { workspaceId, accountIds: null });
  const report = await buildCompetitorReport(db, { workspaceId, timezone }, subjects, range);
  const reportUrl = `${getEnv().appUrl.replace(/\/$/, "")}/${workspace.slug}/competitor-report?from=${week.from}&to=${week.to}`;
  const mail = weeklyReportEmail({
    report,
    locale: workspace.locale,
    timeZone: timezone,
    workspaceName: workspace.name,
    reportUrl,
    to: settings.recipients,
  });
  try {
    await sendEmail(config.data, mail);
  } catch (error) {
    throw await fail(error instanceof ChannelSendError ? error.message : "unexpected error while sending", "REPORT_SEND_FAILED", error);
  }
  await recordWeeklyReportRun(db, workspaceId, { ok: true }, now);
  return { from: week.from, to: week.to, recipients: settings.recipients.length };
}
