"use client";
import { KeyRound } from "lucide-react";
import { useState, useTransition, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/audit/format-time";
import { ActionError } from "@/components/ui/action-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, TextInput } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

type TokenView = {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
};
type Props = {
  slug: string;
  grantable: string[];
  tokens: TokenView[];
  createAction: WorkspaceActionFn<{ token: string }>;
  revokeAction: WorkspaceActionFn;
};

export function TokensManager({ slug, grantable, tokens, createAction, revokeAction }: Props) {
  const t = useTranslations("tokens");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createAction(slug, {
        name: data.get("name"),
        permissions: data.getAll("permissions"),
        expiresInDays: data.get("expiresInDays") || null,
      });
      setFailure(result.ok ? null : result);
      setCreated(result.ok ? result.data.token : null);
      if (result.ok) form.reset();
    });
  }

  return (
    <div className="space-y-6">
      <Card className="p-5">
        <h2 className="font-semibold">{t("create")}</h2>
        <p className="mt-1 text-sm text-zinc-500">{t("subtitle")}</p>
        <form onSubmit={onCreate} className="mt-4 space-y-4" aria-label={t("create")}>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("name")} name="name" errors={failure?.fieldErrors?.name}>
              <TextInput name="name" required maxLength={60} />
            </Field>
            <Field label={t("expires")} name="expiresInDays" errors={failure?.fieldErrors?.expiresInDays}>
              <TextInput name="expiresInDays" type="number" min={1} max={3650} defaultValue={90} />
            </Field>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("permissions")}</legend>
            <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3 lg:grid-cols-4">
              {grantable.map((p) => (
                <label key={p} className="flex items-center gap-2 font-mono text-xs">
                  <input type="checkbox" name="permissions" value={p} className="accent-brand-500" />
                  {p}
                </label>
              ))}
            </div>
            {failure?.fieldErrors?.permissions?.map((m) => (
              <p key={m} className="mt-1 text-xs text-red-600">
                {m}
              </p>
            ))}
          </fieldset>
          <ActionError failure={failure} />
          {created && <SecretReveal title={t("createdTitle")} body={t("createdBody")} value={created} />}
          <Button type="submit" disabled={pending}>
            {t("create")}
          </Button>
        </form>
      </Card>

      {tokens.length === 0 ? (
        <EmptyState icon={<KeyRound className="size-8" />} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Card className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((tok) => (
            <div key={tok.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {tok.name} <code className="ml-1 text-xs text-zinc-500">{tok.prefix}…</code>
                </p>
                <p className="truncate text-xs text-zinc-500">{tok.permissions.join(" · ")}</p>
              </div>
              <span className="text-xs text-zinc-500">
                {t("lastUsed")}: {tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, locale) : tc("never")}
              </span>
              {tok.revoked ? (
                <Badge>{t("revoked")}</Badge>
              ) : (
                <ConfirmButton
                  label={t("revoke")}
                  message={t("revokeConfirm", { name: tok.name })}
                  confirmLabel={t("revoke")}
                  disabled={pending}
                  onConfirm={() =>
                    startTransition(async () => {
                      const result = await revokeAction(slug, { tokenId: tok.id });
                      setFailure(result.ok ? null : result);
                    })
                  }
                />
              )}
            </div>
          ))}
        </Card>
      )}
    </div>
  );
}
