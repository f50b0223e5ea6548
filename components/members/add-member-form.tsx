"use client";
import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { roles } from "@/lib/auth/permissions";
import type { CreateMemberResult } from "@/lib/members/create-member";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

export function AddMemberForm({ slug, action }: { slug: string; action: WorkspaceActionFn<CreateMemberResult> }) {
  const t = useTranslations("members");
  const tShell = useTranslations("shell");
  const { result, failure, pending, run } = useWorkspaceAction(slug, action);
  const created = result?.ok ? result.data : null;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    run(Object.fromEntries(new FormData(form)), () => form.reset());
  }

  return (
    <Card className="p-5">
      <h2 className="mb-4 font-semibold">{t("add")}</h2>
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("add")}>
        <Field label={t("email")} name="email" errors={failure?.fieldErrors?.email}>
          <TextInput name="email" type="email" required />
        </Field>
        <Field label={t("name")} name="name" errors={failure?.fieldErrors?.name}>
          <TextInput name="name" required maxLength={80} />
        </Field>
        <Field label={t("role")} name="role" errors={failure?.fieldErrors?.role}>
          <Select name="role" defaultValue="operator">
            {roles.map((r) => (
              <option key={r} value={r}>
                {tShell(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("method")} name="method">
          <Select name="method" defaultValue="password">
            <option value="password">{t("methodPassword")}</option>
            <option value="invite">{t("methodInvite")}</option>
          </Select>
        </Field>
        <div className="sm:col-span-2 lg:col-span-4 flex flex-col gap-3">
          <ActionError failure={failure} />
          {created?.method === "password" && created.initialPassword && (
            <SecretReveal title={t("initialPasswordTitle")} body={t("initialPasswordBody")} value={created.initialPassword} />
          )}
          {created?.method === "password" && !created.initialPassword && <Alert tone="success">{t("existingUserAdded")}</Alert>}
          {created?.method === "invite" && (
            <SecretReveal
              title={t("inviteLinkTitle")}
              body={t("inviteLinkBody")}
              value={`${window.location.origin}/invite/${created.inviteToken}`}
            />
          )}
          <div>
            <Button type="submit" disabled={pending}>
              {t("add")}
            </Button>
          </div>
        </div>
      </form>
    </Card>
  );
}
