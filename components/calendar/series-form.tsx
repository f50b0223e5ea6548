"use client";
/**
 * Creates a series: account, the note (title + body), days of the week + a time (or a raw cron
 * for power users), with a live preview of the next 5 occurrences in the workspace zone. With
 * `editing` it changes that series instead (its future jobs are planned again).
 */
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { ActionFailure } from "@/lib/next/workspace-action";
import { parseWeeklyCron, weekdays, weeklyCron } from "@/lib/scheduling/series/weekly-cron";
import type { SeriesActions, SeriesRow } from "./series-panel";

type Props = {
  slug: string;
  timezone: string;
  accounts: { id: string; name: string }[];
  actions: SeriesActions;
  editing: SeriesRow | null;
  format: (iso: string) => string;
  onDone: () => void;
};

export function SeriesForm({ slug, timezone, accounts, actions, editing, format, onDone }: Props) {
  const t = useTranslations("calendar.series");
  const weekly = editing ? parseWeeklyCron(editing.cron) : null;
  const [accountId, setAccountId] = useState(editing?.accountId ?? accounts[0]?.id ?? "");
  const [title, setTitle] = useState(editing?.title ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [days, setDays] = useState<number[]>(weekly?.days ?? []);
  const [time, setTime] = useState(weekly?.time ?? "20:30");
  const [raw, setRaw] = useState(Boolean(editing && !weekly));
  const [rawCron, setRawCron] = useState(editing && !weekly ? editing.cron : "");
  const [preview, setPreview] = useState<{ occurrences: string[]; error: string | null }>({ occurrences: [], error: null });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const cron = raw ? rawCron.trim() : weeklyCron(days, time);

  useEffect(() => {
    if (!cron) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await actions.preview(slug, { cron, count: 5 });
      if (!live) return;
      setPreview(
        result.ok
          ? { occurrences: result.data.occurrences, error: null }
          : { occurrences: [], error: result.fieldErrors?.cron?.[0] ?? result.message },
      );
    }, 250);
    return () => ((live = false), clearTimeout(timer));
  }, [cron, slug, actions]);

  async function submit() {
    if (!cron) return;
    setBusy(true);
    const result = editing
      ? await actions.update(slug, { seriesId: editing.id, changes: { cron, snapshot: { title, body } } })
      : await actions.create(slug, { accountId, cron, snapshot: { title, body } });
    setBusy(false);
    setFailure(result.ok ? null : result);
    if (!result.ok) return;
    setTitle("");
    setBody("");
    onDone();
  }

  const fieldErrors = failure?.fieldErrors ?? {};
  const shown = cron ? preview : { occurrences: [], error: null };
  return (
    <form className="space-y-3" data-testid="series-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h3 className="text-sm font-semibold">{editing ? t("editTitle", { title: editing.title }) : t("create")}</h3>
      <ActionError failure={failure} />
      <Field label={t("account")} name="series-account" errors={fieldErrors.accountId}>
        <Select name="series-account" value={accountId} disabled={Boolean(editing)} onChange={(e) => setAccountId(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("noteTitle")} name="series-title" errors={fieldErrors["snapshot.title"]}>
        <TextInput name="series-title" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t("noteBody")} name="series-body" errors={fieldErrors["snapshot.body"]}>
        <textarea
          id="series-body"
          name="series-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={raw}
          onChange={(e) => (setRaw(e.target.checked), setRawCron(rawCron || weeklyCron(days, time) || ""))}
        />{" "}
        {t("rawMode")}
      </label>
      {raw ? (
        <Field label={t("cron")} name="series-cron" hint={t("cronHint")} errors={fieldErrors.cron}>
          <TextInput
            name="series-cron"
            value={rawCron}
            placeholder="30 20 * * 2,4"
            onChange={(e) => setRawCron(e.target.value)}
            className="font-mono"
          />
        </Field>
      ) : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("days")}</legend>
          <div className="flex flex-wrap gap-3">
            {weekdays.map((d) => (
              <label key={d} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                />{" "}
                {t(`weekdays.${d}`)}
              </label>
            ))}
          </div>
          <Field label={t("time")} name="series-time" errors={fieldErrors.cron}>
            <TextInput name="series-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} className="w-32" />
          </Field>
        </fieldset>
      )}
      <div className="rounded-lg bg-zinc-50 p-2 text-sm dark:bg-zinc-800/50" data-testid="series-preview" aria-live="polite">
        <p className="mb-1 text-xs font-medium text-zinc-500">{t("preview", { timezone })}</p>
        {!cron && !raw && <p className="text-xs text-zinc-500">{t("pickDays")}</p>}
        {shown.error ? (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {shown.error}
          </p>
        ) : (
          <ol className="list-inside list-decimal tabular-nums">
            {shown.occurrences.map((iso) => (
              <li key={iso}>{format(iso)}</li>
            ))}
          </ol>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || !cron || !title.trim() || !accountId || Boolean(shown.error)}>
          {editing ? t("save") : t("submit")}
        </Button>
        {editing && (
          <Button variant="secondary" onClick={onDone}>
            {t("cancelEdit")}
          </Button>
        )}
      </div>
    </form>
  );
}
