"use client";
/** A job's details and what can be done with it: cancel, retry, or record that it is live. */
import { useEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { FailureReason } from "./failure-reason";
import type { JobView } from "./types";
import { safeWebUrl } from "@/lib/validation/web-url";

export type JobActions = { cancel: WorkspaceActionFn; retry: WorkspaceActionFn; markPublished: WorkspaceActionFn };

export const statusTone = {
  scheduled: "brand",
  publishing: "amber",
  published: "green",
  failed: "red",
  unconfirmed: "amber",
  canceled: "gray",
} as const;

type Props = {
  slug: string;
  job: JobView | null;
  timezone: string;
  localHint: string | null;
  canWrite: boolean;
  canCancel: boolean;
  actions: JobActions;
  onClose: () => void;
  onDone: (failure: ActionFailure | null) => void;
};

export function JobDetailsDialog({ slug, job, timezone, localHint, canWrite, canCancel, actions, onClose, onDone }: Props) {
  const t = useTranslations("calendar");
  const tc = useTranslations("common");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState("");
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (job) dialog.current?.showModal();
    else dialog.current?.close();
  }, [job]);

  const run = (action: WorkspaceActionFn, input: object) =>
    startTransition(async () => {
      const result = await action(slug, input);
      onDone(result.ok ? null : result);
      onClose();
    });

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {job && (
        <div className="space-y-3 p-5 text-sm">
          <div className="flex items-start justify-between gap-3">
            <h2 className="text-base font-semibold leading-snug">{job.title}</h2>
            <Badge tone={statusTone[job.status]}>{t(`statuses.${job.status}`)}</Badge>
          </div>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-1.5">
            <dt className="text-zinc-500">{t("account")}</dt>
            <dd>{job.accountName}</dd>
            <dt className="text-zinc-500">{t("time")}</dt>
            <dd>
              {new Intl.DateTimeFormat(locale, { timeZone: timezone, dateStyle: "medium", timeStyle: "short" }).format(new Date(job.runAt))}{" "}
              <span className="text-xs text-zinc-400">({timezone})</span>
              {localHint && <span className="block text-xs text-zinc-500">{localHint}</span>}
            </dd>
            <dt className="text-zinc-500">{t("attempts")}</dt>
            <dd>{job.attempts}</dd>
            {(job.lastErrorMessage || job.lastErrorCode) && (
              <>
                <dt className="text-zinc-500">{t("error")}</dt>
                <dd>
                  <FailureReason code={job.lastErrorCode} message={job.lastErrorMessage} />
                </dd>
              </>
            )}
            {job.remoteUrl && (
              <>
                <dt className="text-zinc-500">{t("link")}</dt>
                <dd>
                  {safeWebUrl(job.remoteUrl) ? (
                    <a
                      href={safeWebUrl(job.remoteUrl)!}
                      target="_blank"
                      rel="noreferrer"
                      className="break-all text-brand-600 hover:underline"
                    >
                      {job.remoteUrl}
                    </a>
                  ) : (
                    <span className="break-all">{job.remoteUrl}</span>
                  )}
                </dd>
              </>
            )}
          </dl>
          {job.status === "unconfirmed" && (
            <p className="rounded-lg bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200">{t("unconfirmedHelp")}</p>
          )}
          {canWrite && (job.status === "failed" || job.status === "unconfirmed") && (
            <div className="space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800">
              <Button disabled={pending} onClick={() => run(actions.retry, { jobId: job.id })}>
                {t("retry")}
              </Button>
              <div className="flex gap-2">
                <TextInput
                  name="remoteUrl"
                  placeholder="https://www.xiaohongshu.com/explore/…"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  aria-label={t("publishedUrl")}
                />
                <Button variant="secondary" disabled={pending || !url} onClick={() => run(actions.markPublished, { jobId: job.id, url })}>
                  {t("markPublished")}
                </Button>
              </div>
            </div>
          )}
          <div className="flex justify-end gap-2 pt-1">
            {canCancel && job.status === "scheduled" && (
              <Button
                variant="danger"
                disabled={pending}
                onClick={() => confirm(t("cancelConfirm")) && run(actions.cancel, { jobId: job.id })}
              >
                {t("cancelJob")}
              </Button>
            )}
            <Button variant="secondary" onClick={onClose}>
              {tc("close")}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
