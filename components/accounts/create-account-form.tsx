"use client";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextInput } from "@/components/ui/field";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function CreateAccountForm({ slug, action }: { slug: string; action: WorkspaceActionFn }) {
  const t = useTranslations("accounts");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(slug, { name: data.get("name"), redId: data.get("redId") });
      setFailure(result.ok ? null : result);
      if (result.ok) form.reset();
    });
  }

  return (
    <Card className="p-4">
      <form onSubmit={onSubmit} className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]" aria-label={t("add")}>
        <Field label={t("name")} name="name" errors={failure?.fieldErrors?.name}>
          <TextInput name="name" required maxLength={60} />
        </Field>
        <Field label={t("redId")} name="redId" errors={failure?.fieldErrors?.redId}>
          <TextInput name="redId" required maxLength={40} />
        </Field>
        <Button type="submit" className="sm:mt-7" disabled={pending}>
          {t("add")}
        </Button>
        <div className="sm:col-span-3">
          <ActionError failure={failure} />
        </div>
      </form>
    </Card>
  );
}
