"use client";
/** Adds a competitor: name, RED user id, profile link, xsec token, groups and tags (comma separated), own accounts to compare with. */
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function CompetitorForm({
  slug,
  action,
  accounts,
}: {
  slug: string;
  action: WorkspaceActionFn;
  accounts: { id: string; name: string }[];
}) {
  const t = useTranslations("competitors.manage");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const opt = (k: string) => String(data.get(k) ?? "").trim() || null;
    startTransition(async () => {
      const result = await action(slug, {
        name: data.get("name"),
        redUserId: data.get("redUserId"),
        profileUrl: opt("profileUrl"),
        xsecToken: opt("xsecToken"),
        groups: list(data.get("groups")),
        tags: list(data.get("tags")),
        comparedAccountIds: data.getAll("comparedAccountIds").map(String),
      });
      setFailure(result.ok ? null : result);
      if (result.ok) form.reset();
    });
  }

  return (
    <Card className="p-4">
      <h2 className="mb-3 font-semibold">{t("add")}</h2>
      <form onSubmit={onSubmit} className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("add")}>
        <Field label={t("name")} name="name" errors={failure?.fieldErrors?.name}>
          <TextInput name="name" required maxLength={60} />
        </Field>
        <Field label={t("redUserId")} name="redUserId" errors={failure?.fieldErrors?.redUserId} hint={t("redUserIdHint")}>
          <TextInput name="redUserId" required maxLength={64} />
        </Field>
        <Field label={t("profileUrl")} name="profileUrl" errors={failure?.fieldErrors?.profileUrl}>
          <TextInput name="profileUrl" type="url" placeholder="https://www.xiaohongshu.com/user/profile/…" />
        </Field>
        <Field label={t("xsecToken")} name="xsecToken" errors={failure?.fieldErrors?.xsecToken} hint={t("xsecTokenHint")}>
          <TextInput name="xsecToken" maxLength={200} autoComplete="off" />
        </Field>
        <Field label={t("groups")} name="groups" errors={failure?.fieldErrors?.groups} hint={t("commaHint")}>
          <TextInput name="groups" />
        </Field>
        <Field label={t("tags")} name="tags" errors={failure?.fieldErrors?.tags} hint={t("commaHint")}>
          <TextInput name="tags" />
        </Field>
        {accounts.length > 0 && (
          <fieldset className="sm:col-span-2 lg:col-span-3">
            <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{t("compareWith")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {accounts.map((a) => (
                <label key={a.id} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" name="comparedAccountIds" value={a.id} /> {a.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="sm:col-span-2 lg:col-span-3 flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("add")}
          </Button>
          <ActionError failure={failure} />
        </div>
      </form>
    </Card>
  );
}
