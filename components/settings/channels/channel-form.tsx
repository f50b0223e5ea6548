"use client";
/** Create or edit one notification channel; secret fields are write-only (empty keeps the stored value). */
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { ChannelView } from "@/lib/notifications/channels/channel-settings";
import { channelEvents, channelKinds, type ChannelKind } from "@/lib/notifications/channels/types";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";

const defaults: Record<string, string> = {
  dingtalk: "https://oapi.dingtalk.com/robot/send",
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send",
};

function configFrom(kind: ChannelKind, data: FormData): Record<string, unknown> {
  const s = (k: string) => String(data.get(k) ?? "").trim();
  if (kind === "dingtalk")
    return { baseUrl: s("baseUrl"), accessToken: s("accessToken"), signed: data.get("signed") === "on", signSecret: s("signSecret") };
  if (kind === "wecom") return { baseUrl: s("baseUrl"), key: s("key") };
  return {
    host: s("host"),
    port: Number(s("port") || 465),
    secure: data.get("secure") === "on",
    user: s("user") || undefined,
    password: s("password"),
    from: s("from"),
    to: s("to")
      .split(/[\s,，;；]+/)
      .filter(Boolean),
  };
}

type Props = { slug: string; channel?: ChannelView; create: WorkspaceActionFn; update: WorkspaceActionFn; onDone: () => void };

export function ChannelForm({ slug, channel, create, update, onDone }: Props) {
  const t = useTranslations("channels");
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "dingtalk");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const config = (channel?.config ?? {}) as Record<string, unknown>;
  const isSet = (field: string) => channel?.secretsSet.includes(field) ?? false;
  const errorsOf = (name: string) => {
    const all = Object.entries(failure?.fieldErrors ?? {}).filter(
      ([k]) => k === name || k === `config.${name}` || k.startsWith(`config.${name}.`),
    );
    return all.length ? all.flatMap(([, v]) => v) : undefined;
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const common = {
      name: String(data.get("name") ?? ""),
      events: channelEvents.filter((ev) => data.get(`event-${ev}`) === "on"),
      config: configFrom(kind, data),
    };
    startTransition(async () => {
      const result = channel ? await update(slug, { id: channel.id, ...common }) : await create(slug, { kind, enabled: true, ...common });
      setFailure(result.ok ? null : result);
      if (result.ok) onDone();
    });
  }

  const text = (name: string, opts: { type?: string; hint?: string; defaultValue?: string; required?: boolean } = {}) => (
    <Field label={t(`fields.${name}` as "fields.name")} name={name} errors={errorsOf(name)} hint={opts.hint}>
      <TextInput
        name={name}
        type={opts.type ?? "text"}
        required={opts.required}
        defaultValue={opts.defaultValue ?? (config[name] === undefined ? "" : String(config[name]))}
      />
    </Field>
  );
  const secret = (name: string, hint?: string) => (
    <Field label={t(`fields.${name}` as "fields.name")} name={name} errors={errorsOf(name)} hint={isSet(name) ? t("secretKeepHint") : hint}>
      <TextInput name={name} type="password" autoComplete="off" placeholder={isSet(name) ? `•••••• (${t("secretSet")})` : ""} />
    </Field>
  );
  const check = (name: string, checked: boolean) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={checked} /> {t(`fields.${name}` as "fields.name")}
    </label>
  );

  return (
    <Card className="max-w-2xl p-5">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label={channel ? t("edit") : t("add")}>
        <Field label={t("fields.kind")} name="kind">
          <Select name="kind" value={kind} disabled={Boolean(channel)} onChange={(e) => setKind(e.target.value as ChannelKind)}>
            {channelKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text("name", { required: true, defaultValue: channel?.name ?? "" })}
        {kind !== "email" && (
          <div className="sm:col-span-2">
            {text("baseUrl", { hint: t("fields.baseUrlHint"), defaultValue: String(config.baseUrl ?? defaults[kind]) })}
          </div>
        )}
        {kind === "dingtalk" && (
          <>
            {secret("accessToken", t("fields.accessTokenHint"))}
            {secret("signSecret")}
            {check("signed", config.signed !== false)}
          </>
        )}
        {kind === "wecom" && secret("key", t("fields.keyHint"))}
        {kind === "email" && (
          <>
            {text("host", { required: true })}
            {text("port", { type: "number", defaultValue: String(config.port ?? 465) })}
            {text("user")}
            {secret("password")}
            {text("from", { type: "email", required: true })}
            {text("to", { hint: t("fields.toHint"), defaultValue: Array.isArray(config.to) ? config.to.join(", ") : "" })}
            {check("secure", config.secure !== false)}
          </>
        )}
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="text-sm font-medium">{t("fields.events")}</legend>
          {channelEvents.map((ev) => (
            <label key={ev} className="mr-4 inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name={`event-${ev}`} defaultChecked={channel ? channel.events.includes(ev) : true} />{" "}
              {t(`events.${ev}`)}
            </label>
          ))}
          {errorsOf("events")?.map((e) => (
            <p key={e} role="alert" className="text-xs text-red-600">
              {e}
            </p>
          ))}
        </fieldset>
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
          <Button variant="secondary" onClick={onDone}>
            {t("cancel")}
          </Button>
        </div>
        <div className="sm:col-span-2">
          <ActionError failure={failure} />
        </div>
      </form>
    </Card>
  );
}
