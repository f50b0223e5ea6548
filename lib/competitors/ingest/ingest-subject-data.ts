/**
 * Ingest for one subject, a competitor or an own account (REST and the bridge collectors): one
 * transaction with its audit event, then cache invalidation, the week-over-week alert check, and
 * the announcement of whatever alerts it raised (in-app + notification channels).
 */
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accounts } from "@/db/schema";
import { invalidateAnalytics } from "../cache/analytics-cache";
import { announceAlerts } from "../alerts/announce-alerts";
import { checkTrendAlerts } from "../alerts/check-trend-alerts";
import { getAnalyticsSettings } from "../settings/analytics-settings";
import { recordCollection } from "./collection-status";
import type { NoteInput, ProfileSnapshotInput } from "./ingest-schemas";
import { ingestSeries, type IngestResult } from "./ingest-series";
import type { SubjectRef } from "../queries/range-params";
import { recordAudit } from "@/lib/audit/record-audit";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { requireCompetitor } from "../queries/competitor-queries";
import { workspaceTimezone } from "@/lib/workspaces/queries";

export type IngestActor = Pick<WorkspaceContext, "workspaceId" | "userId" | "userName" | "ip" | "requestId">;
export type IngestData = { profiles?: ProfileSnapshotInput[]; notes?: NoteInput[] };

async function subjectName(tx: DbOrTx, workspaceId: string, subject: SubjectRef): Promise<string> {
  if (subject.type === "competitor") return (await requireCompetitor(tx, workspaceId, subject.id)).name;
  const [account] = await tx
    .select({ name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, subject.id)))
    .limit(1);
  if (!account) throw new AppError("NOT_FOUND", { detail: "account" });
  return account.name;
}

export async function ingestSubjectData(
  db: Db,
  ctx: IngestActor,
  subject: SubjectRef,
  data: IngestData,
  source: string,
): Promise<Omit<IngestResult, "alertIds">> {
  const { alertIds, timezone, result } = await db.transaction(async (tx) => {
    const name = await subjectName(tx, ctx.workspaceId, subject);
    const [settings, timezone] = await Promise.all([getAnalyticsSettings(tx, ctx.workspaceId), workspaceTimezone(tx, ctx.workspaceId)]);
    const target = { workspaceId: ctx.workspaceId, timezone, subjectType: subject.type, subjectId: subject.id, authorName: name, settings };
    const { alertIds, ...result } = await ingestSeries(tx, target, data, source);
    await recordCollection(tx, {
      workspaceId: ctx.workspaceId,
      source,
      subjectKey: subject.id,
      ok: true,
      items: (data.profiles?.length ?? 0) + (data.notes?.length ?? 0),
    });
    const action = subject.type === "competitor" ? "competitors.ingest" : "accounts.ingest_analytics";
    await recordAudit(tx, ctx, {
      action,
      targetType: subject.type,
      targetId: subject.id,
      after: { source, profiles: data.profiles?.length ?? 0, notes: data.notes?.length ?? 0, ...result },
    });
    return { alertIds, timezone, result };
  });
  await invalidateAnalytics(ctx.workspaceId);
  const trend = await checkTrendAlerts(db, { workspaceId: ctx.workspaceId, timezone, subjectType: subject.type, subjectId: subject.id });
  await announceAlerts(db, ctx.workspaceId, [...alertIds, ...trend]);
  return result;
}
