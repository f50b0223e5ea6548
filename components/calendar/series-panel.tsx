"use client";
/** The calendar's "Recurring" panel: each series with its next occurrence and a stop button, and the create form. */
import { Repeat } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { SeriesForm } from "./series-form";

/** An occurrence the account's rules moved (runAt differs from `from`) or skipped. */
export type SeriesAdjustmentView = {
  jobId: string;
  action: "shifted" | "skipped";
  rule: "daily_cap" | "spacing";
  from: string;
  runAt: string;
};
export type SeriesRow = {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  body: string;
  cron: string;
  timezone: string;
  status: "active" | "stopped";
  nextRunAt: string | null;
  adjustments: SeriesAdjustmentView[];
};
export type SeriesActions = {
  create: WorkspaceActionFn<{ id: string; jobs: number }>;
  update: WorkspaceActionFn<{ canceled: number; jobs: number }>;
  stop: WorkspaceActionFn<{ canceled: number }>;
  preview: WorkspaceActionFn<{ occurrences: string[] }>;
};

type Props = {
  slug: string;
  timezone: string;
  accounts: { id: string; name: string }[];
  series: SeriesRow[];
  canWrite: boolean;
  canCancel: boolean;
  actions: SeriesActions;
};

export function SeriesPanel({ slug, timezone, accounts, series, canWrite, canCancel, actions }: Props) {
  const t = useTranslations("calendar.series");
  const locale = useLocale();
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [editing, setEditing] = useState<SeriesRow | null>(null);
  const format = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      weekday: "short",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(new Date(iso));

  async function stop(id: string) {
    const result = await actions.stop(slug, { seriesId: id });
    setFailure(result.ok ? null : result);
    router.refresh();
  }

  return (
    <Card className="mt-6 p-4" data-testid="series-panel">
      <h2 className="mb-3 flex items-center gap-2 font-semibold">
        <Repeat className="size-4 text-brand-500" /> {t("title")}
      </h2>
      <ActionError failure={failure} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div>
          {series.length === 0 ? (
            <p className="py-4 text-sm text-zinc-500">{t("empty")}</p>
          ) : (
            <ul className="space-y-2">
              {series.map((s) => (
                <li
                  key={s.id}
                  data-testid={`series-${s.id}`}
                  data-status={s.status}
                  className="flex items-center justify-between gap-3 rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800"
                >
                  <div className="min-w-0">
                    <p className="truncate font-medium">{s.title}</p>
                    <p className="truncate text-xs text-zinc-500">
                      {s.accountName} · <code>{s.cron}</code> ({s.timezone})
                    </p>
                    <p className="text-xs text-zinc-500">{s.nextRunAt ? t("next", { time: format(s.nextRunAt) }) : t("noNext")}</p>
                    {s.adjustments.length > 0 && (
                      <ul className="mt-1 space-y-0.5 text-xs text-amber-700 dark:text-amber-400" aria-label={t("adjustments")}>
                        {s.adjustments.map((a) => (
                          <li key={a.jobId} data-testid={`adjustment-${a.jobId}`} data-action={a.action}>
                            {a.action === "shifted"
                              ? t("shifted", { from: format(a.from), to: format(a.runAt), reason: t(`rules.${a.rule}`) })
                              : t("skipped", { from: format(a.from), reason: t(`rules.${a.rule}`) })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                  <div className="flex shrink-0 items-center gap-2">
                    <Badge tone={s.status === "active" ? "green" : "gray"}>{t(`statuses.${s.status}`)}</Badge>
                    {canWrite && s.status === "active" && (
                      <Button variant="ghost" size="sm" onClick={() => setEditing(s)}>
                        {t("edit")}
                      </Button>
                    )}
                    {canCancel && s.status === "active" && (
                      <ConfirmButton
                        label={t("stop")}
                        message={t("stopConfirm", { title: s.title })}
                        confirmLabel={t("stop")}
                        onConfirm={() => void stop(s.id)}
                      />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        {canWrite && (
          <SeriesForm
            key={editing?.id ?? "new"}
            slug={slug}
            timezone={timezone}
            accounts={accounts}
            actions={actions}
            editing={editing}
            format={format}
            onDone={() => (setEditing(null), router.refresh())}
          />
        )}
      </div>
    </Card>
  );
}
