"use client";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { ActionFailure } from "@/lib/next/workspace-action";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, defaultName }: { token: string; defaultName: string }) {
  const t = useTranslations("auth");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const result = await acceptInviteAction({ token, name: form.get("name"), password: form.get("password") });
      if (result) setFailure(result);
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <Field label={t("name")} name="name" errors={failure?.fieldErrors?.name}>
        <TextInput name="name" defaultValue={defaultName} required maxLength={80} />
      </Field>
      <Field label={t("password")} name="password" errors={failure?.fieldErrors?.password}>
        <TextInput name="password" type="password" required minLength={8} autoComplete="new-password" />
      </Field>
      <ActionError failure={failure} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("acceptInvite")}
      </Button>
    </form>
  );
}
