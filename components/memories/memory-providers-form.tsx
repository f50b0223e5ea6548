"use client";
/** The workspace's memory model providers: embeddings (built-in or OpenAI-compatible) and the optional summary model. Keys are write-only. */
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useWorkspaceAction } from "@/components/ui/use-workspace-action";
import type { AiSettingsWithJob } from "@/lib/memory/ai/update-ai-settings";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";

type Props = { slug: string; settings: AiSettingsWithJob; action: WorkspaceActionFn<AiSettingsWithJob> };

const text = (d: FormData, name: string) => String(d.get(name) ?? "").trim();

export function MemoryProvidersForm({ slug, settings, action }: Props) {
  const t = useTranslations("memories.providers");
  const { result, failure, pending, run } = useWorkspaceAction(slug, action);
  const e = settings.embedding;
  const [provider, setProvider] = useState(e.provider);
  const [chatOn, setChatOn] = useState(settings.chat !== null);
  const errors = (name: string) => failure?.fieldErrors?.[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const embedding =
      provider === "builtin"
        ? { provider: "builtin" }
        : {
            provider: "openai",
            baseUrl: text(d, "embedding.baseUrl"),
            model: text(d, "embedding.model"),
            dim: Number(d.get("embedding.dim")),
            ...(text(d, "embedding.apiKey") ? { apiKey: text(d, "embedding.apiKey") } : {}),
          };
    const chat = chatOn
      ? {
          baseUrl: text(d, "chat.baseUrl"),
          model: text(d, "chat.model"),
          ...(text(d, "chat.apiKey") ? { apiKey: text(d, "chat.apiKey") } : {}),
        }
      : null;
    run({ embedding, chat });
  }

  const keyPlaceholder = (set: boolean) => (set ? t("apiKeySet") : t("apiKeyUnset"));
  return (
    <form onSubmit={onSubmit} aria-label={t("title")} className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium">{t("embedding")}</legend>
        <Field label={t("provider")} name="embedding.provider">
          <Select name="embedding.provider" value={provider} onChange={(ev) => setProvider(ev.target.value as typeof provider)}>
            <option value="builtin">{t("builtin")}</option>
            <option value="openai">{t("openai")}</option>
          </Select>
        </Field>
        {provider === "openai" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("baseUrl")} name="embedding.baseUrl" hint={t("baseUrlHint")} errors={errors("embedding.baseUrl")}>
              <TextInput
                name="embedding.baseUrl"
                type="url"
                required
                defaultValue={"baseUrl" in e ? e.baseUrl : ""}
                placeholder="https://api.openai.com/v1"
              />
            </Field>
            <Field label={t("model")} name="embedding.model" errors={errors("embedding.model")}>
              <TextInput name="embedding.model" required defaultValue={"model" in e ? e.model : ""} placeholder="text-embedding-3-small" />
            </Field>
            <Field label={t("dim")} name="embedding.dim" hint={t("dimHint")} errors={errors("embedding.dim")}>
              <TextInput
                name="embedding.dim"
                type="number"
                min={8}
                max={4096}
                required
                defaultValue={"dim" in e ? String(e.dim) : "1536"}
              />
            </Field>
            <Field label={t("apiKey")} name="embedding.apiKey" errors={errors("embedding.apiKey")}>
              <TextInput name="embedding.apiKey" type="password" autoComplete="off" placeholder={keyPlaceholder(e.apiKeySet)} />
            </Field>
          </div>
        )}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium">{t("chat")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={chatOn} onChange={(ev) => setChatOn(ev.target.checked)} />
          {t("chatEnabled")}
        </label>
        <p className="text-xs text-zinc-500">{t("chatHint")}</p>
        {chatOn && (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("baseUrl")} name="chat.baseUrl" hint={t("baseUrlHint")} errors={errors("chat.baseUrl")}>
              <TextInput
                name="chat.baseUrl"
                type="url"
                required
                defaultValue={settings.chat?.baseUrl ?? ""}
                placeholder="https://api.openai.com/v1"
              />
            </Field>
            <Field label={t("model")} name="chat.model" errors={errors("chat.model")}>
              <TextInput name="chat.model" required defaultValue={settings.chat?.model ?? ""} placeholder="gpt-4o-mini" />
            </Field>
            <Field label={t("apiKey")} name="chat.apiKey" errors={errors("chat.apiKey")}>
              <TextInput
                name="chat.apiKey"
                type="password"
                autoComplete="off"
                placeholder={keyPlaceholder(settings.chat?.apiKeySet ?? false)}
              />
            </Field>
          </div>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {result?.ok && <Alert tone="success">{t("saved")}</Alert>}
      </div>
      <ActionError failure={failure} />
    </form>
  );
}
