"use client";
/** Failed and unconfirmed jobs, with their reasons: the list someone clears every morning. */
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ActionError } from "@/components/ui/action-error";
import type { ActionFailure } from "@/lib/next/workspace-action";
import { JobDetailsDialog, statusTone, type JobActions } from "./job-details-dialog";
import type { JobView } from "./types";

export function AttentionQueue({
  slug,
  jobs,
  timezone,
  canWrite,
  actions,
}: {
  slug: string;
  jobs: JobView[];
  timezone: string;
  canWrite: boolean;
  actions: JobActions;
}) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState<JobView | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  return (
    <Card className="h-fit p-4" data-testid="attention-queue">
      <h2 className="mb-3 flex items-center gap-2 font-semibold">
        <AlertTriangle className="size-4 text-amber-500" /> {t("attentionTitle")}
      </h2>
      <ActionError failure={failure} />
      {jobs.length === 0 ? (
        <p className="flex items-center gap-2 py-4 text-sm text-zinc-500">
          <CheckCircle2 className="size-4 text-emerald-500" /> {t("attentionEmpty")}
        </p>
      ) : (
        <ul className="space-y-2">
          {jobs.map((job) => (
            <li key={job.id}>
              <button
                type="button"
                onClick={() => setOpen(job)}
                className="w-full rounded-lg border border-zinc-200 p-2 text-left text-sm hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800"
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{job.title}</span>
                  <Badge tone={statusTone[job.status]}>{t(`statuses.${job.status}`)}</Badge>
                </span>
                <span className="block truncate text-xs text-zinc-500">
                  {job.accountName} ·{" "}
                  {new Intl.DateTimeFormat(locale, {
                    timeZone: timezone,
                    month: "numeric",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                    hour12: false,
                  }).format(new Date(job.runAt))}
                </span>
                {job.lastErrorMessage && (
                  <span className="block truncate text-xs text-red-600 dark:text-red-400">{job.lastErrorMessage}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <JobDetailsDialog
        slug={slug}
        job={open}
        timezone={timezone}
        localHint={null}
        canWrite={canWrite}
        canCancel={false}
        actions={actions}
        onClose={() => setOpen(null)}
        onDone={(f) => (setFailure(f), router.refresh())}
      />
    </Card>
  );
}
