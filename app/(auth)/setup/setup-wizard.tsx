"use client";
/** Three steps (admin, workspace, demo data); one server action at the end validates everything. */
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { ActionFailure } from "@/lib/next/workspace-action";
import { completeSetupAction } from "./actions";

const steps = ["stepAdmin", "stepWorkspace", "stepDemo"] as const;
const stepOfField: Record<string, number> = { setupCode: 0, name: 0, email: 0, password: 0, workspaceName: 1, timezone: 1, locale: 1 };

export function SetupWizard({ timezones, defaultTimezone }: { timezones: string[]; defaultTimezone: string }) {
  const t = useTranslations("setup");
  const tc = useTranslations("common");
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState({
    setupCode: "",
    name: "",
    email: "",
    password: "",
    workspaceName: "",
    timezone: defaultTimezone,
    locale: "zh-CN",
    loadDemo: true,
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });
  const errors = (key: string) => failure?.fieldErrors?.[key];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (step < steps.length - 1) return setStep(step + 1);
    startTransition(async () => {
      const result = await completeSetupAction(values);
      if (!result) return;
      setFailure(result);
      const firstBad = Object.keys(result.fieldErrors ?? {}).map((k) => stepOfField[k] ?? 2);
      if (firstBad.length) setStep(Math.min(...firstBad));
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-5">
      <ol className="flex gap-2 text-xs" aria-label="progress">
        {steps.map((key, i) => (
          <li
            key={key}
            aria-current={i === step ? "step" : undefined}
            className={cn(
              "flex-1 rounded-full px-3 py-1 text-center font-medium",
              i === step
                ? "bg-brand-500 text-white"
                : i < step
                  ? "bg-brand-100 text-brand-700"
                  : "bg-zinc-100 text-zinc-500 dark:bg-zinc-800",
            )}
          >
            {i + 1}. {t(key)}
          </li>
        ))}
      </ol>

      {step === 0 && (
        <div className="space-y-4">
          <Field label={t("setupCode")} name="setupCode" hint={t("setupCodeHint")} errors={errors("setupCode")}>
            <TextInput
              name="setupCode"
              value={values.setupCode}
              onChange={set("setupCode")}
              required
              maxLength={40}
              autoComplete="one-time-code"
              spellCheck={false}
              placeholder="XXXX-XXXX-XXXX"
              className="font-mono tracking-wider"
              autoFocus
            />
          </Field>
          <Field label={t("adminName")} name="name" errors={errors("name")}>
            <TextInput name="name" value={values.name} onChange={set("name")} required maxLength={80} />
          </Field>
          <Field label={t("adminEmail")} name="email" errors={errors("email")}>
            <TextInput name="email" type="email" value={values.email} onChange={set("email")} required autoComplete="username" />
          </Field>
          <Field label={t("adminPassword")} name="password" errors={errors("password")}>
            <TextInput
              name="password"
              type="password"
              value={values.password}
              onChange={set("password")}
              required
              minLength={8}
              autoComplete="new-password"
            />
          </Field>
        </div>
      )}

      {step === 1 && (
        <div className="space-y-4">
          <Field label={t("workspaceName")} name="workspaceName" errors={errors("workspaceName")}>
            <TextInput
              name="workspaceName"
              value={values.workspaceName}
              onChange={set("workspaceName")}
              placeholder={t("workspaceNamePlaceholder")}
              required
              maxLength={60}
              autoFocus
            />
          </Field>
          <Field label={t("timezone")} name="timezone" errors={errors("timezone")}>
            <Select name="timezone" value={values.timezone} onChange={set("timezone")}>
              {timezones.map((tz) => (
                <option key={tz}>{tz}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("language")} name="locale" errors={errors("locale")}>
            <Select name="locale" value={values.locale} onChange={set("locale")}>
              <option value="zh-CN">简体中文</option>
              <option value="en">English</option>
            </Select>
          </Field>
        </div>
      )}

      {step === 2 && (
        <div className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <p className="font-medium">{t("demoTitle")}</p>
          <p className="mt-1 text-sm text-zinc-500">{t("demoBody")}</p>
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="loadDemo"
              checked={values.loadDemo}
              onChange={(e) => setValues({ ...values, loadDemo: e.target.checked })}
              className="size-4 accent-brand-500"
            />
            {t("demoCheckbox")}
          </label>
        </div>
      )}

      <ActionError failure={failure} />

      <div className="flex justify-between gap-2">
        <Button variant="ghost" onClick={() => setStep(step - 1)} disabled={step === 0 || pending}>
          {tc("back")}
        </Button>
        <Button type="submit" disabled={pending}>
          {step < steps.length - 1 ? tc("next") : pending ? t("finishing") : t("finish")}
        </Button>
      </div>
    </form>
  );
}
