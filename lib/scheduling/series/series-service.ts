/**
 * Recurring series for people: create (a QStash schedule, or the next 14 days materialised with
 * the embedded driver), update (cron, zone, note or end: the still-scheduled future jobs are
 * canceled and planned again, the schedule replaced), stop (cancels them, deletes the schedule),
 * list with each series' next occurrence and its shifted or skipped occurrences, and a preview.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, publishJobs, publishSeries, type PlanNote, type PublishJob, type PublishSeries } from "@/db/schema";
import { getAccount, type AccountScope } from "@/lib/accounts/queries";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDraft } from "@/lib/drafts/get-draft";
import type { WorkspaceContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors/app-error";
import { newId } from "@/lib/ids/new-id";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { cancelPublishJob } from "../create-publish-job";
import type { SchedulerDriver } from "../drivers/scheduler-driver";
import { nextOccurrences } from "../recurrence";
import { materializeOne } from "./materialize-series";
import { ensureSeriesSchedule, removeSeriesSchedule } from "./series-schedule";
import type { CreateSeriesInput, UpdateSeriesInput } from "./series-input";

/** An occurrence the account's rules moved or skipped (from a week ago on). */
export type SeriesAdjustment = PlanNote & { jobId: string; runAt: Date };
export type SeriesView = PublishSeries & { accountName: string; nextRunAt: Date | null; adjustments: SeriesAdjustment[] };

const adjustmentsShown = 5;

async function adjustmentsOf(db: Db, seriesIds: string[], now: Date): Promise<Map<string, SeriesAdjustment[]>> {
  const map = new Map<string, SeriesAdjustment[]>();
  if (!seriesIds.length) return map;
  const rows = await db
    .select({ seriesId: publishJobs.seriesId, jobId: publishJobs.id, runAt: publishJobs.runAt, planNote: publishJobs.planNote })
    .from(publishJobs)
    .where(
      and(
        inArray(publishJobs.seriesId, seriesIds),
        isNotNull(publishJobs.planNote),
        gte(publishJobs.runAt, new Date(now.getTime() - 7 * 86_400_000)),
      ),
    )
    .orderBy(asc(publishJobs.runAt))
    .limit(500);
  for (const row of rows) {
    const list = map.get(row.seriesId!) ?? [];
    if (list.length < adjustmentsShown && row.planNote) list.push({ ...row.planNote, jobId: row.jobId, runAt: row.runAt });
    map.set(row.seriesId!, list);
  }
  return map;
}

export async function getSeries(db: Db, ctx: WorkspaceContext, id: string): Promise<PublishSeries> {
  const [row] = await db
    .select()
    .from(publishSeries)
    .where(and(eq(publishSeries.id, id), eq(publishSeries.workspaceId, ctx.workspaceId)))
    .limit(1);
  if (!row || (ctx.accountIds && !ctx.accountIds.includes(row.accountId))) throw new AppError("NOT_FOUND");
  return row;
}

export function previewOccurrences(cron: string, timezone: string, count: number, from = new Date()): Date[] {
  return nextOccurrences(cron, timezone, from, count);
}

function nextRunOf(series: PublishSeries, now: Date): Date | null {
  if (series.status !== "active") return null;
  const [next] = nextOccurrences(series.cron, series.timezone, new Date(Math.max(now.getTime(), series.startsAt.getTime() - 1)), 1);
  return next && (!series.endsAt || next <= series.endsAt) ? next : null;
}

export async function listSeries(db: Db, ctx: AccountScope, now = new Date()): Promise<SeriesView[]> {
  const rows = await db
    .select({ series: publishSeries, accountName: accounts.name })
    .from(publishSeries)
    .innerJoin(accounts, eq(accounts.id, publishSeries.accountId))
    .where(eq(publishSeries.workspaceId, ctx.workspaceId))
    .orderBy(asc(publishSeries.status), desc(publishSeries.createdAt));
  const visible = rows.filter((r) => !ctx.accountIds || ctx.accountIds.includes(r.series.accountId));
  const adjustments = await adjustmentsOf(
    db,
    visible.map((r) => r.series.id),
    now,
  );
  return visible.map((r) => ({
    ...r.series,
    accountName: r.accountName,
    nextRunAt: nextRunOf(r.series, now),
    adjustments: adjustments.get(r.series.id) ?? [],
  }));
}

export async function createSeries(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, input: CreateSeriesInput, now = new Date()) {
  const account = await getAccount(db, ctx, input.accountId);
  if (!account) throw new AppError("NOT_FOUND");
  if (account.status !== "active") throw new AppError("UNPROCESSABLE", { fieldErrors: { accountId: [`Account is ${account.status}`] } });
  // A draft from elsewhere (another workspace or out of the caller's accounts) is simply not found.
  if (input.draftId) await getDraft(db, ctx, input.draftId);
  if (input.endsAt && input.endsAt <= (input.startsAt ?? now))
    throw new AppError("UNPROCESSABLE", { fieldErrors: { endsAt: ["Ends before it starts"] } });
  const timezone = input.timezone ?? (await workspaceTimezone(db, ctx.workspaceId));
  const series = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(publishSeries)
      .values({
        id: newId("ser"),
        workspaceId: ctx.workspaceId,
        accountId: account.id,
        draftId: input.draftId ?? null,
        snapshot: input.snapshot,
        cron: input.cron,
        timezone,
        startsAt: input.startsAt ?? now,
        endsAt: input.endsAt ?? null,
        createdBy: ctx.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "series.create",
      targetType: "publish_series",
      targetId: row.id,
      after: { accountId: account.id, cron: row.cron, timezone, title: row.snapshot.title },
    });
    return row;
  });
  // QStash: its schedule makes each occurrence when it comes. Embedded (or no schedule yet): the next 14 days now.
  const scheduleId = await ensureSeriesSchedule(db, driver, series);
  const jobs = scheduleId ? [] : await materializeOne(db, driver, series, now, ctx);
  return { series: { ...series, schedulerScheduleId: scheduleId }, jobs };
}

/** Cancels the series' jobs still waiting in the future and frees their keys, so a re-plan may use the same times. */
async function cancelFutureJobs(
  db: Db,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  seriesId: string,
  now: Date,
  freeKeys: boolean,
): Promise<number> {
  const future = await db
    .select({ id: publishJobs.id })
    .from(publishJobs)
    .where(
      and(
        eq(publishJobs.seriesId, seriesId),
        eq(publishJobs.workspaceId, ctx.workspaceId),
        eq(publishJobs.status, "scheduled"),
        gt(publishJobs.runAt, now),
      ),
    );
  let canceled = 0;
  for (const { id } of future) {
    let job: PublishJob;
    try {
      job = await cancelPublishJob(db, driver, ctx, id);
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") continue; // it started publishing meanwhile
      throw error;
    }
    canceled++;
    if (freeKeys)
      await db
        .update(publishJobs)
        .set({ idempotencyKey: `${job.idempotencyKey}:replaced:${job.id}` })
        .where(eq(publishJobs.id, job.id));
  }
  return canceled;
}

export async function updateSeries(
  db: Db,
  driver: SchedulerDriver,
  ctx: WorkspaceContext,
  id: string,
  input: UpdateSeriesInput,
  now = new Date(),
) {
  const before = await getSeries(db, ctx, id);
  if (before.status !== "active") throw new AppError("CONFLICT", { fieldErrors: { status: ["Series is stopped"] } });
  if (input.endsAt && input.endsAt <= now) throw new AppError("UNPROCESSABLE", { fieldErrors: { endsAt: ["In the past"] } });
  const series = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(publishSeries)
      .set({
        cron: input.cron ?? before.cron,
        timezone: input.timezone ?? before.timezone,
        snapshot: { ...before.snapshot, ...input.snapshot },
        endsAt: input.endsAt === undefined ? before.endsAt : input.endsAt,
      })
      .where(and(eq(publishSeries.id, id), eq(publishSeries.status, "active")))
      .returning();
    if (!row) throw new AppError("CONFLICT");
    await recordAudit(tx, ctx, {
      action: "series.update",
      targetType: "publish_series",
      targetId: id,
      before: { cron: before.cron, timezone: before.timezone, title: before.snapshot.title, endsAt: before.endsAt },
      after: { cron: row.cron, timezone: row.timezone, title: row.snapshot.title, endsAt: row.endsAt },
    });
    return row;
  });
  const canceled = await cancelFutureJobs(db, driver, ctx, id, now, true);
  const rescheduled = series.cron !== before.cron || series.timezone !== before.timezone;
  const scheduleId = await ensureSeriesSchedule(db, driver, series, { replace: rescheduled });
  const jobs = scheduleId ? [] : await materializeOne(db, driver, series, now, ctx);
  return { series, canceled, jobs };
}

export async function stopSeries(db: Db, driver: SchedulerDriver, ctx: WorkspaceContext, id: string, now = new Date()) {
  const before = await getSeries(db, ctx, id);
  const series = await db.transaction(async (tx) => {
    const [row] = await tx.update(publishSeries).set({ status: "stopped" }).where(eq(publishSeries.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: "series.stop",
      targetType: "publish_series",
      targetId: id,
      before: { status: before.status },
      after: { status: "stopped" },
    });
    return row;
  });
  // Also when already stopped: a retry after a half-finished stop cancels what is left.
  await removeSeriesSchedule(db, driver, series);
  const canceled = await cancelFutureJobs(db, driver, ctx, id, now, false);
  return { series, canceled };
}
