"use client";
/**
 * Live progress of one draft going out to many accounts: polls until every job has an outcome,
 * and says so while jobs are saved but not yet taken by the scheduler (QStash down or limiting).
 */
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { statusTone } from "@/components/calendar/job-details-dialog";
import { draftApi } from "@/components/drafts/draft-api";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FailureReason } from "@/components/calendar/failure-reason";
import type { JobView } from "@/components/calendar/types";
import { safeWebUrl } from "@/lib/validation/web-url";

type Batch = {
  batchId: string;
  title: string;
  jobs: Omit<JobView, "title">[];
  counts: Record<string, number>;
  done: number;
  total: number;
  scheduler?: { pending: number; code: string | null };
};

export function BatchProgress({
  slug,
  initial,
  timezone,
  canWrite,
}: {
  slug: string;
  initial: Batch;
  timezone: string;
  canWrite: boolean;
}) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const [batch, setBatch] = useState(initial);
  const [tick, setTick] = useState(0);
  const finished = batch.done === batch.total;

  useEffect(() => {
    if (finished) return;
    const timer = setTimeout(async () => {
      const res = await draftApi<Batch>(slug, `/publish-batches/${batch.batchId}`);
      if (res.ok) setBatch(res.data);
      setTick((n) => n + 1);
    }, 1500);
    return () => clearTimeout(timer);
  }, [slug, batch.batchId, finished, tick]);

  const retry = async (path: string) => {
    await draftApi(slug, path, { method: "POST" });
    setTick((n) => n + 1);
    setBatch((b) => ({ ...b, done: Math.min(b.done, b.total - 1) })); // resume polling
  };
  const percent = Math.round((batch.done / batch.total) * 100);

  return (
    <Card className="space-y-4 p-5" data-testid="batch-progress">
      <div>
        <div className="mb-1 flex justify-between text-sm">
          <span>{t("batch.progress", { done: batch.done, total: batch.total })}</span>
          <span className="tabular-nums">{percent}%</span>
        </div>
        <div
          className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
          role="progressbar"
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {(batch.scheduler?.pending ?? 0) > 0 && (
        <Alert tone="info">
          {t(batch.scheduler!.code === "SCHEDULER_RATE_LIMITED" ? "batch.rateLimited" : "batch.submitting", {
            count: batch.scheduler!.pending,
          })}
        </Alert>
      )}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {batch.jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-testid={`batch-job-${job.accountName}`}>
            <span className="w-40 truncate font-medium">{job.accountName}</span>
            <span className="tabular-nums text-zinc-500">
              {new Intl.DateTimeFormat(locale, {
                timeZone: timezone,
                month: "numeric",
                day: "numeric",
                hour: "2-digit",
                minute: "2-digit",
                hour12: false,
              }).format(new Date(job.runAt))}
            </span>
            <Badge tone={statusTone[job.status]}>{t(`statuses.${job.status}`)}</Badge>
            {job.expectedMs != null && (job.status === "scheduled" || job.status === "publishing") && (
              <span className="text-xs text-zinc-500" data-testid="expected-duration">
                {t("batch.expected", { minutes: Math.max(1, Math.round(job.expectedMs / 60_000)) })}
              </span>
            )}
            <FailureReason code={job.lastErrorCode} message={job.lastErrorMessage} compact />
            {safeWebUrl(job.remoteUrl) && (
              <a href={safeWebUrl(job.remoteUrl)!} target="_blank" rel="noreferrer" className="text-xs text-brand-600 hover:underline">
                {t("link")}
              </a>
            )}
            {canWrite && (job.status === "failed" || job.status === "unconfirmed") && (
              <Button size="sm" variant="secondary" onClick={() => retry(`/publish-jobs/${job.id}/retry`)}>
                {t("retry")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (batch.counts.failed ?? 0) > 0 && (
        <Button onClick={() => retry(`/publish-batches/${batch.batchId}/retry`)}>
          {t("batch.retryAll", { count: batch.counts.failed })}
        </Button>
      )}
    </Card>
  );
}
