"use client";
/** Week and month grids (and a list) of publish jobs; drag a scheduled job to another day to move it. */
import { DndContext, PointerSensor, KeyboardSensor, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { dayKey, moveToDay } from "@/lib/scheduling/calendar-range";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { JobChip } from "./job-chip";
import { JobDetailsDialog, type JobActions } from "./job-details-dialog";
import { MonthDaySummary } from "./month-day-summary";
import { useLiveRefresh } from "./use-live-refresh";
import type { DayCountsView, JobView } from "./types";

type Props = {
  slug: string;
  view: "week" | "month" | "list";
  days: string[];
  month: string;
  today: string;
  timezone: string;
  jobs: JobView[];
  /** Month view: the day's totals; `jobs` then holds only the first few of each day. */
  dayCounts?: Record<string, DayCountsView> | null;
  /** The filters (account, status) as a query string, kept by the "more" links. */
  filterQuery?: string;
  accountNames?: Record<string, string>;
  canWrite: boolean;
  canCancel: boolean;
  actions: JobActions & { reschedule: WorkspaceActionFn<{ scheduler?: { state: "submitted" | "pending"; code: string | null } }> };
};

export function CalendarBoard({
  slug,
  view,
  days,
  month,
  today,
  timezone,
  jobs,
  dayCounts,
  filterQuery = "",
  accountNames = {},
  canWrite,
  canCancel,
  actions,
}: Props) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const router = useRouter();
  const [items, setItems] = useState(jobs);
  const [open, setOpen] = useState<JobView | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  // The move is saved; QStash has not taken it yet (down or limiting) and it is retried by itself.
  const [handingOver, setHandingOver] = useState(false);
  const [viewerZone, setViewerZone] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  useEffect(() => setItems(jobs), [jobs]);
  const live = useLiveRefresh(jobs);
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);

  const byDay = useMemo(() => {
    const map = new Map<string, JobView[]>();
    for (const job of items)
      map.set(dayKey(new Date(job.runAt), timezone), [...(map.get(dayKey(new Date(job.runAt), timezone)) ?? []), job]);
    return map;
  }, [items, timezone]);
  const time = (iso: string, zone = timezone) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(iso));
  const localHint = (iso: string) =>
    viewerZone && viewerZone !== timezone ? t("localTime", { time: time(iso, viewerZone), zone: viewerZone }) : null;

  function onDragEnd(event: DragEndEvent) {
    const job = items.find((j) => j.id === event.active.id);
    const day = event.over?.id as string | undefined;
    if (!job || !day || day === dayKey(new Date(job.runAt), timezone)) return;
    const runAt = moveToDay(new Date(job.runAt), day, timezone).toISOString();
    setItems(items.map((j) => (j.id === job.id ? { ...j, runAt } : j)));
    startTransition(async () => {
      const result = await actions.reschedule(slug, { jobId: job.id, runAt });
      setFailure(result.ok ? null : result);
      setHandingOver(result.ok && result.data.scheduler?.state === "pending");
      if (!result.ok) setItems(jobs);
      router.refresh();
    });
  }

  const chip = (job: JobView) => (
    <JobChip
      key={job.id}
      job={job}
      time={time(job.runAt)}
      localHint={localHint(job.runAt)}
      draggable={canWrite && job.status === "scheduled"}
      onOpen={() => setOpen(job)}
    />
  );

  return (
    <div className="space-y-3" data-live={live}>
      <ActionError failure={failure} />
      {handingOver && <Alert tone="info">{t("schedulerPending")}</Alert>}
      {view === "list" ? (
        <ListView days={days} byDay={byDay} chip={chip} empty={t("emptyDay")} locale={locale} />
      ) : (
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <div className="grid grid-cols-7 gap-px overflow-hidden rounded-xl border border-zinc-200 bg-zinc-200 dark:border-zinc-800 dark:bg-zinc-800">
            {days.slice(0, 7).map((day) => (
              <div key={`h-${day}`} className="bg-zinc-50 px-2 py-1.5 text-center text-xs font-medium text-zinc-500 dark:bg-zinc-900">
                {new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))}
              </div>
            ))}
            {days.map((day) => (
              <DayCell key={day} day={day} muted={view === "month" && !day.startsWith(month)} today={day === today} tall={view === "week"}>
                {(byDay.get(day) ?? []).slice(0, view === "month" ? 3 : 50).map(chip)}
                {view === "month" && (
                  <MonthDaySummary
                    day={day}
                    counts={dayCounts?.[day]}
                    shown={Math.min(3, byDay.get(day)?.length ?? 0)}
                    accountNames={accountNames}
                    href={`?${new URLSearchParams(`view=list&date=${day}${filterQuery ? `&${filterQuery}` : ""}`)}`}
                  />
                )}
              </DayCell>
            ))}
          </div>
        </DndContext>
      )}
      <JobDetailsDialog
        slug={slug}
        job={open}
        timezone={timezone}
        localHint={open ? localHint(open.runAt) : null}
        canWrite={canWrite}
        canCancel={canCancel}
        actions={actions}
        onClose={() => setOpen(null)}
        onDone={(f) => (setFailure(f), router.refresh())}
      />
    </div>
  );
}

function DayCell({
  day,
  muted,
  today,
  tall,
  children,
}: {
  day: string;
  muted: boolean;
  today: boolean;
  tall: boolean;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: day });
  return (
    <div
      ref={setNodeRef}
      data-testid={`day-${day}`}
      className={cn(
        "space-y-1 bg-white p-1.5 dark:bg-zinc-950",
        tall ? "min-h-64" : "min-h-24",
        muted && "bg-zinc-50/60 dark:bg-zinc-900/60",
        isOver && "bg-brand-50 dark:bg-brand-700/20",
      )}
    >
      <p
        className={cn(
          "px-1 text-xs tabular-nums",
          today ? "font-bold text-brand-600" : muted ? "text-zinc-300 dark:text-zinc-600" : "text-zinc-500",
        )}
      >
        {Number(day.slice(8))}
      </p>
      {children}
    </div>
  );
}

function ListView({
  days,
  byDay,
  chip,
  empty,
  locale,
}: {
  days: string[];
  byDay: Map<string, JobView[]>;
  chip: (j: JobView) => React.ReactNode;
  empty: string;
  locale: string;
}) {
  return (
    <div className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {days.map((day) => (
        <div key={day} className="grid gap-2 p-3 sm:grid-cols-[8rem_1fr]" data-testid={`day-${day}`}>
          <p className="text-sm font-medium">
            {new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", weekday: "short", timeZone: "UTC" }).format(
              new Date(`${day}T00:00:00Z`),
            )}
          </p>
          <div className="grid gap-1.5 sm:grid-cols-2 lg:grid-cols-3">
            {byDay.get(day)?.map(chip) ?? <p className="text-sm text-zinc-400">{empty}</p>}
          </div>
        </div>
      ))}
    </div>
  );
}
