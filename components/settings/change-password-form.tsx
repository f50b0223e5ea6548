"use client";
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

export function ChangePasswordForm({ slug, action }: { slug: string; action: WorkspaceActionFn<{ revokedTokens: number }> }) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const { result, failure, pending, run } = useWorkspaceAction(slug, action);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    run({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword") }, () => form.reset());
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4">
      <Field label={t("currentPassword")} name="currentPassword" errors={failure?.fieldErrors?.currentPassword}>
        <TextInput name="currentPassword" type="password" required autoComplete="current-password" />
      </Field>
      <Field label={t("newPassword")} name="newPassword" errors={failure?.fieldErrors?.newPassword}>
        <TextInput name="newPassword" type="password" required minLength={8} autoComplete="new-password" />
      </Field>
      <ActionError failure={failure} />
      {result?.ok && <Alert tone="success">{t("passwordChanged", { tokens: result.data.revokedTokens })}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
