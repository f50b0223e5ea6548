"use client";
/** The user's memory settings. */
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { MemoryConfig } from "@/lib/memory/memory-schemas";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

export function MemoryConfigForm({ slug, config, action }: { slug: string; config: MemoryConfig; action: WorkspaceActionFn }) {
  const t = useTranslations("memories");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const input = {
      shortTermRetentionDays: Number(d.get("shortTermRetentionDays")),
      longTermThreshold: Number(d.get("longTermThreshold")),
      promoteAfterAccesses: Number(d.get("promoteAfterAccesses")),
      compressionThreshold: Number(d.get("compressionThreshold")),
      autoCleanup: d.get("autoCleanup") === "on",
      autoCompress: d.get("autoCompress") === "on",
      defaultPrivacy: String(d.get("defaultPrivacy")),
    };
    startTransition(async () => {
      const result = await action(slug, input);
      setFailure(result.ok ? null : result);
      setSaved(result.ok);
    });
  }

  const number = (name: keyof MemoryConfig, label: string, min: number, max: number, step: number) => (
    <Field label={label} name={name} errors={failure?.fieldErrors?.[name]}>
      <TextInput name={name} type="number" min={min} max={max} step={step} defaultValue={String(config[name])} required />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} aria-label={t("config")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {number("shortTermRetentionDays", t("retentionDays"), 1, 365, 1)}
        {number("promoteAfterAccesses", t("promoteAfter"), 1, 1000, 1)}
        {number("longTermThreshold", t("longTermThreshold"), 0, 1, 0.05)}
        {number("compressionThreshold", t("compressionThreshold"), 0.5, 0.99, 0.01)}
        <Field label={t("defaultPrivacy")} name="defaultPrivacy">
          <Select name="defaultPrivacy" defaultValue={config.defaultPrivacy}>
            <option value="private">{t("privacies.private")}</option>
            <option value="workspace">{t("privacies.workspace")}</option>
          </Select>
        </Field>
        <div className="flex flex-col justify-end gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="autoCleanup" defaultChecked={config.autoCleanup} />
            {t("autoCleanup")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="autoCompress" defaultChecked={config.autoCompress} />
            {t("autoCompress")}
          </label>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("config")}
        </Button>
        {saved && <Alert tone="success">{t("saved")}</Alert>}
      </div>
      <ActionError failure={failure} />
    </form>
  );
}
