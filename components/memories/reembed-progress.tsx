"use client";
/** The latest re-embedding job: status, a progress bar, the failure reason with "resume"; polls while it runs. */
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { AiSettingsWithJob } from "@/lib/memory/ai/update-ai-settings";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

export type ReembedJob = NonNullable<AiSettingsWithJob["job"]>;

export function ReembedProgress({
  slug,
  job: initial,
  statusAction,
  resumeAction,
}: {
  slug: string;
  job: ReembedJob;
  statusAction: WorkspaceActionFn<ReembedJob | null>;
  resumeAction: WorkspaceActionFn<ReembedJob | null>;
}) {
  const t = useTranslations("memories.providers");
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const resume = useWorkspaceAction(slug, resumeAction);
  useEffect(() => setJob(initial), [initial]);
  useEffect(() => {
    if (job.status !== "running") return;
    const timer = setTimeout(async () => {
      const next = await statusAction(slug, {});
      if (!next.ok || !next.data) return;
      setJob(next.data);
      if (next.data.status !== "running") router.refresh();
    }, 2_000);
    return () => clearTimeout(timer);
  }, [job, slug, statusAction, router]);

  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 100;
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" aria-live="polite">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {t("job")} · {t(`jobStatus.${job.status}`)}
        </span>
        <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{t("jobProgress", { done: job.done, total: job.total })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("job")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        <div className={job.status === "failed" ? "h-full bg-red-500" : "h-full bg-brand-500"} style={{ width: `${percent}%` }} />
      </div>
      {job.status === "running" && <p className="text-xs text-zinc-500">{t("searchDuringJob")}</p>}
      {job.lastError && job.status !== "done" && (
        <p className="break-words text-xs text-red-700 dark:text-red-300">
          {t("jobErrors", { errors: job.errors, reason: job.lastError })}
        </p>
      )}
      {job.status === "failed" && (
        <Button type="button" disabled={resume.pending} onClick={() => resume.run({ jobId: job.id }, (next) => next && setJob(next))}>
          {t("resume")}
        </Button>
      )}
      <ActionError failure={resume.failure} />
    </div>
  );
}
