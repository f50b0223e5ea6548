"use client";
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

type Values = { name: string; timezone: string; locale: string };

export function WorkspaceSettingsForm({
  slug,
  action,
  timezones,
  values,
}: {
  slug: string;
  action: WorkspaceActionFn;
  timezones: string[];
  values: Values;
}) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const { result, failure, pending, run } = useWorkspaceAction(slug, action);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    run(Object.fromEntries(new FormData(e.currentTarget)));
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" aria-label={t("workspaceTitle")}>
      <Field label={t("workspaceName")} name="name" errors={failure?.fieldErrors?.name}>
        <TextInput name="name" defaultValue={values.name} required maxLength={60} />
      </Field>
      <Field label={t("timezone")} name="timezone" errors={failure?.fieldErrors?.timezone} hint={t("timezoneHint")}>
        <Select name="timezone" defaultValue={values.timezone}>
          {timezones.map((tz) => (
            <option key={tz}>{tz}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("defaultLanguage")} name="locale">
        <Select name="locale" defaultValue={values.locale}>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <ActionError failure={failure} />
      {result?.ok && <Alert tone="success">{t("workspaceSaved")}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
