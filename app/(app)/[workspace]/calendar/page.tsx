import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { publishJobStatuses } from "@/db/schema";
import { AttentionQueue } from "@/components/calendar/attention-queue";
import { CalendarBoard } from "@/components/calendar/calendar-board";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { SeriesPanel } from "@/components/calendar/series-panel";
import { toJobView } from "@/components/calendar/to-job-view";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAccounts } from "@/lib/accounts/queries";
import { getSelectedAccount } from "@/lib/next/selected-account";
import { can } from "@/lib/auth/context";
import { requirePageContext } from "@/lib/next/session-context";
import { calendarRange, dayKey } from "@/lib/scheduling/calendar-range";
import { calendarJobCap, listAttentionJobs, listJobsInRange } from "@/lib/scheduling/job-queries";
import { monthSummary } from "@/lib/scheduling/month-summary";
import { Alert } from "@/components/ui/alert";
import { listSeries } from "@/lib/scheduling/series/series-service";
import { getWorkspaceBySlug } from "@/lib/workspaces/queries";
import { cancelJobAction, markPublishedAction, rescheduleAction, retryJobAction } from "./actions";
import { createSeriesAction, previewSeriesAction, stopSeriesAction, updateSeriesAction } from "./series-actions";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export const metadata = { title: "Calendar" };

const searchSchema = z.object({
  view: z.enum(["week", "month", "list"]).catch("week"),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  account: z.string().max(64).optional().catch(undefined),
  status: z.enum(publishJobStatuses).optional().catch(undefined),
});

export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "schedules.read")) return <Forbidden />;
  const db = getDb();
  const rawSearch = await searchParams;
  const search = searchSchema.parse(rawSearch);
  // The header's account switcher (?account=, else its cookie) scopes everything on the page.
  const selected = await getSelectedAccount(ctx, rawSearch);
  const scope = selected.scope;
  const statuses = search.status ? [search.status] : undefined;
  const workspace = await getWorkspaceBySlug(db, ctx.workspaceSlug);
  const timezone = workspace?.timezone ?? defaultTimezone;
  const today = dayKey(new Date(), timezone);
  const anchor = search.date ?? today;
  const { days, from, to } = calendarRange(search.view, anchor, timezone);
  // Month: counts per day from SQL and only the first jobs of each day; week and list load every job.
  const loadJobs =
    search.view === "month"
      ? monthSummary(db, scope, { days, timezone, statuses })
      : listJobsInRange(db, scope, { from, to, statuses }).then((jobs) => ({ jobs, counts: null }));
  const [t, locale, accounts, { jobs, counts }, attention, series] = await Promise.all([
    getTranslations("calendar"),
    getLocale(),
    listAccounts(db, ctx),
    loadJobs,
    listAttentionJobs(db, scope),
    listSeries(db, scope),
  ]);
  const actions = { reschedule: rescheduleAction, retry: retryJobAction, markPublished: markPublishedAction, cancel: cancelJobAction };

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { timezone })} />
      <CalendarToolbar
        view={search.view}
        anchor={anchor}
        today={today}
        days={days}
        locale={locale}
        filters={{ account: selected.accountId ?? undefined, status: search.status }}
        accounts={accounts.map(({ id, name }) => ({ id, name }))}
      />
      {!counts && jobs.length >= calendarJobCap && (
        <div className="mt-4">
          <Alert tone="error">{t("truncated", { count: calendarJobCap })}</Alert>
        </div>
      )}
      <div className="mt-4 grid gap-6 xl:grid-cols-[1fr_18rem]">
        <CalendarBoard
          slug={ctx.workspaceSlug}
          view={search.view}
          days={days}
          month={anchor.slice(0, 7)}
          today={today}
          timezone={timezone}
          jobs={jobs.map(toJobView)}
          dayCounts={counts}
          accountNames={Object.fromEntries(accounts.map((a) => [a.id, a.name]))}
          filterQuery={new URLSearchParams({
            ...(selected.accountId ? { account: selected.accountId } : {}),
            ...(search.status ? { status: search.status } : {}),
          }).toString()}
          canWrite={can(ctx, "schedules.write")}
          canCancel={can(ctx, "schedules.cancel")}
          actions={actions}
        />
        <AttentionQueue
          slug={ctx.workspaceSlug}
          jobs={attention.map(toJobView)}
          timezone={timezone}
          canWrite={can(ctx, "schedules.write")}
          actions={actions}
        />
      </div>
      <SeriesPanel
        slug={ctx.workspaceSlug}
        timezone={timezone}
        accounts={accounts.filter((a) => a.status === "active").map(({ id, name }) => ({ id, name }))}
        series={series.map((s) => ({
          id: s.id,
          accountId: s.accountId,
          accountName: s.accountName,
          title: s.snapshot.title,
          body: s.snapshot.body,
          cron: s.cron,
          timezone: s.timezone,
          status: s.status,
          nextRunAt: s.nextRunAt?.toISOString() ?? null,
          adjustments: s.adjustments.map((a) => ({ ...a, runAt: a.runAt.toISOString() })),
        }))}
        canWrite={can(ctx, "schedules.write")}
        canCancel={can(ctx, "schedules.cancel")}
        actions={{ create: createSeriesAction, update: updateSeriesAction, stop: stopSeriesAction, preview: previewSeriesAction }}
      />
    </>
  );
}
