"use client";
/** Weekly emailed competitor report: on/off, recipients, weekday and hour (workspace time zone), save and "send now". */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

type Settings = { enabled: boolean; recipients: string[]; weekday: number; hour: number };
type Props = {
  slug: string;
  settings: Settings;
  timeZone: string;
  hasEmailChannel: boolean;
  lastSent: string | null;
  lastError: string | null;
  save: WorkspaceActionFn<Settings>;
  sendNow: WorkspaceActionFn<{ from: string; to: string; recipients: number }>;
};

const splitRecipients = (raw: string) =>
  raw
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function WeeklyReportForm({ slug, settings, timeZone, hasEmailChannel, lastSent, lastError, save, sendNow }: Props) {
  const t = useTranslations("competitors.weeklyReport");
  const router = useRouter();
  const saving = useWorkspaceAction(slug, save);
  const sending = useWorkspaceAction(slug, sendNow);
  const [saved, setSaved] = useState(false);
  const errors = (prefix: string) =>
    Object.entries(saving.failure?.fieldErrors ?? {})
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .flatMap(([, v]) => v);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setSaved(false);
    saving.run(
      {
        enabled: data.get("enabled") === "on",
        recipients: splitRecipients(String(data.get("recipients") ?? "")),
        weekday: Number(data.get("weekday")),
        hour: Number(data.get("hour")),
      },
      () => {
        setSaved(true);
        router.refresh();
      },
    );
  }

  return (
    <Card className="p-4" data-testid="weekly-report">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-xs text-zinc-500">{t("hint", { timeZone })}</p>
      {!hasEmailChannel && (
        <p
          role="status"
          className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
        >
          {t("noChannel")}{" "}
          <Link href={`/${slug}/settings/notifications`} className="font-medium underline">
            {t("addChannel")}
          </Link>
        </p>
      )}
      <form onSubmit={onSubmit} className="mt-3 space-y-3" aria-label={t("title")}>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={settings.enabled} /> {t("enabled")}
        </label>
        <Field label={t("recipients")} name="recipients" hint={t("recipientsHint")} errors={errors("recipients")}>
          <TextInput
            name="recipients"
            defaultValue={settings.recipients.join(", ")}
            placeholder="team@example.com, lead@example.com"
            aria-invalid={errors("recipients").length > 0}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
          <Field label={t("weekday")} name="weekday" errors={errors("weekday")}>
            <Select name="weekday" defaultValue={settings.weekday}>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option key={d} value={d}>
                  {t(`weekdays.${d as 1}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("hour")} name="hour" errors={errors("hour")}>
            <Select name="hour" defaultValue={settings.hour}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" disabled={saving.pending}>
            {t("save")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="secondary"
            disabled={sending.pending || !hasEmailChannel || settings.recipients.length === 0}
            onClick={() => sending.run({}, () => router.refresh())}
            data-testid="send-report-now"
          >
            {sending.pending ? t("sending") : t("sendNow")}
          </Button>
          {saved && (
            <span role="status" className="text-sm text-emerald-600">
              {t("saved")}
            </span>
          )}
          {sending.result?.ok && (
            <span role="status" className="text-sm text-emerald-600">
              {t("sent", { from: sending.result.data.from, to: sending.result.data.to, count: sending.result.data.recipients })}
            </span>
          )}
        </div>
        <p className="text-xs text-zinc-500" data-testid="weekly-report-status">
          {lastSent ? t("lastSent", { at: lastSent }) : t("neverSent")}
          {lastError && <span className="block text-red-600">{t("lastError", { error: lastError })}</span>}
        </p>
        <ActionError failure={saving.failure ?? sending.failure} />
      </form>
    </Card>
  );
}
