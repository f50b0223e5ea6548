"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { signInAction } from "./actions";

export function LoginForm() {
  const t = useTranslations("auth");
  const [failure, formAction, pending] = useActionState(signInAction, null);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <Field label={t("email")} name="email">
        <TextInput name="email" type="email" autoComplete="username" required autoFocus />
      </Field>
      <Field label={t("password")} name="password">
        <TextInput name="password" type="password" autoComplete="current-password" required />
      </Field>
      <ActionError failure={failure} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
