"use client";
/** The workspace's RED note rules: limits, bullet style, banned words, approval before scheduling. */
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { bulletStyles, type NoteSettings } from "@/lib/drafts/note-settings";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function NoteSettingsForm({ slug, initial, action }: { slug: string; initial: NoteSettings; action: WorkspaceActionFn }) {
  const t = useTranslations("drafts.settings");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const num = (k: string) => Number(data.get(k));
    const input = {
      titleLimit: num("titleLimit"),
      bodyLimit: num("bodyLimit"),
      maxImages: num("maxImages"),
      maxTopics: num("maxTopics"),
      bulletStyle: data.get("bulletStyle"),
      bannedWords: String(data.get("bannedWords") ?? "")
        .split(/[\n,，、]+/)
        .map((w) => w.trim())
        .filter(Boolean),
      approvalRequired: data.get("approvalRequired") === "on",
    };
    startTransition(async () => {
      const result = await action(slug, input);
      setFailure(result.ok ? null : result);
      setSaved(result.ok);
    });
  }

  const numberField = (name: keyof NoteSettings, min: number, max: number) => (
    <Field label={t(name)} name={name} errors={failure?.fieldErrors?.[name]}>
      <TextInput name={name} type="number" min={min} max={max} required defaultValue={String(initial[name])} />
    </Field>
  );
  return (
    <Card className="max-w-2xl p-5">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={t("title")}>
        {numberField("titleLimit", 1, 100)}
        {numberField("bodyLimit", 1, 20000)}
        {numberField("maxImages", 1, 50)}
        {numberField("maxTopics", 0, 50)}
        <Field label={t("bulletStyle")} name="bulletStyle">
          <Select name="bulletStyle" defaultValue={initial.bulletStyle}>
            {bulletStyles.map((s) => (
              <option key={s} value={s}>
                {t(`bullets.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="approvalRequired" defaultChecked={initial.approvalRequired} /> {t("approvalRequired")}
        </label>
        <div className="sm:col-span-2">
          <Field label={t("bannedWords")} name="bannedWords" hint={t("bannedWordsHint")} errors={failure?.fieldErrors?.bannedWords}>
            <textarea
              id="bannedWords"
              name="bannedWords"
              rows={4}
              defaultValue={initial.bannedWords.join("\n")}
              className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
          </Field>
        </div>
        <div className="space-y-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
          <ActionError failure={failure} />
          {saved && <Alert tone="success">{t("saved")}</Alert>}
        </div>
      </form>
    </Card>
  );
}
