"use client";
/** Create / edit an account: basics, persona, posting rhythm, publisher and its settings. */
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionError } from "@/components/ui/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { ConfigField } from "@/lib/publishing/publishers/config-fields";
import type { ActionFailure, WorkspaceActionFn } from "@/lib/next/workspace-action";
import { PublisherConfigForm, readPublisherConfig } from "./publisher-config-form";

export type PublisherOption = { id: string; name: string; description: string; fields: ConfigField[] };
export type AccountFormValues = {
  id?: string;
  name: string;
  redId: string;
  avatarUrl: string | null;
  bio: string;
  groups: string[];
  tags: string[];
  personaNotes: string;
  timezone: string | null;
  dailyPostCap: number;
  minSpacingMinutes: number;
  postingSlots: string[];
  publisherId: string;
  publisherConfig: Record<string, unknown>;
  secretsSet: string[];
};

type Props = {
  slug: string;
  initial: AccountFormValues;
  publishers: PublisherOption[];
  timezones: string[];
  create?: WorkspaceActionFn<{ id: string }>;
  patch?: WorkspaceActionFn<{ id: string }>;
};

const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const area = "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function AccountForm({ slug, initial, publishers, timezones, create, patch }: Props) {
  const t = useTranslations("matrix.form");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const [publisherId, setPublisherId] = useState(initial.publisherId);
  const publisher = publishers.find((p) => p.id === publisherId) ?? publishers[0];
  const errorsFor = (key: string) => {
    const entries = Object.entries(failure?.fieldErrors ?? {}).filter(([k]) => k === key || k.startsWith(`${key}.`));
    return entries.length ? entries.flatMap(([, v]) => v) : undefined;
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const input = {
      name: String(d.get("name") ?? ""),
      redId: String(d.get("redId") ?? ""),
      avatarUrl: String(d.get("avatarUrl") ?? "") || null,
      bio: String(d.get("bio") ?? ""),
      groups: list(d.get("groups")),
      tags: list(d.get("tags")),
      personaNotes: String(d.get("personaNotes") ?? ""),
      timezone: String(d.get("timezone") ?? "") || null,
      dailyPostCap: Number(d.get("dailyPostCap")),
      minSpacingMinutes: Number(d.get("minSpacingMinutes")),
      postingSlots: list(d.get("postingSlots")),
      publisherId,
      publisherConfig: readPublisherConfig(publisher.fields, d),
    };
    startTransition(async () => {
      const result = initial.id ? await patch!(slug, { id: initial.id, patch: input }) : await create!(slug, input);
      setFailure(result.ok ? null : result);
      setSaved(result.ok && Boolean(initial.id));
      if (result.ok && !initial.id) router.push(`/${slug}/accounts/${result.data.id}`);
      if (result.ok && initial.id) router.refresh();
    });
  }

  const section = "space-y-3 p-4";
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={initial.id ? t("editTitle") : t("createTitle")} data-testid="account-form">
      <Card className={section}>
        <h2 className="font-medium">{t("basics")}</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("name")} name="name" errors={errorsFor("name")}>
            <TextInput name="name" required maxLength={60} defaultValue={initial.name} />
          </Field>
          <Field label={t("redId")} name="redId" errors={errorsFor("redId")}>
            <TextInput name="redId" required maxLength={40} defaultValue={initial.redId} />
          </Field>
          <Field label={t("groups")} name="groups" errors={errorsFor("groups")} hint={t("listHint")}>
            <TextInput name="groups" defaultValue={initial.groups.join(", ")} />
          </Field>
          <Field label={t("tags")} name="tags" errors={errorsFor("tags")} hint={t("listHint")}>
            <TextInput name="tags" defaultValue={initial.tags.join(", ")} />
          </Field>
          <Field label={t("avatarUrl")} name="avatarUrl" errors={errorsFor("avatarUrl")}>
            <TextInput name="avatarUrl" type="url" defaultValue={initial.avatarUrl ?? ""} />
          </Field>
          <Field label={t("bio")} name="bio" errors={errorsFor("bio")}>
            <TextInput name="bio" maxLength={500} defaultValue={initial.bio} />
          </Field>
        </div>
        <Field label={t("persona")} name="personaNotes" errors={errorsFor("personaNotes")} hint={t("personaHint")}>
          <textarea id="personaNotes" name="personaNotes" rows={3} maxLength={4000} defaultValue={initial.personaNotes} className={area} />
        </Field>
      </Card>
      <Card className={section}>
        <h2 className="font-medium">{t("schedule")}</h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label={t("timezone")} name="timezone" errors={errorsFor("timezone")}>
            <Select name="timezone" defaultValue={initial.timezone ?? ""}>
              <option value="">{t("timezoneDefault")}</option>
              {timezones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("dailyPostCap")} name="dailyPostCap" errors={errorsFor("dailyPostCap")}>
            <TextInput name="dailyPostCap" type="number" defaultValue={initial.dailyPostCap} />
          </Field>
          <Field label={t("minSpacing")} name="minSpacingMinutes" errors={errorsFor("minSpacingMinutes")}>
            <TextInput name="minSpacingMinutes" type="number" defaultValue={initial.minSpacingMinutes} />
          </Field>
          <Field label={t("slots")} name="postingSlots" errors={errorsFor("postingSlots")} hint={t("slotsHint")}>
            <TextInput name="postingSlots" defaultValue={initial.postingSlots.join(", ")} />
          </Field>
        </div>
      </Card>
      <Card className={section}>
        <h2 className="font-medium">{t("publisher")}</h2>
        <Field label={t("publisher")} name="publisherId" errors={errorsFor("publisherId")} hint={publisher.description}>
          <Select name="publisherId" value={publisherId} onChange={(e) => setPublisherId(e.target.value)}>
            {publishers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <PublisherConfigForm
          key={publisherId}
          publisherId={publisherId}
          fields={publisher.fields}
          values={publisherId === initial.publisherId ? initial.publisherConfig : {}}
          secretsSet={publisherId === initial.publisherId ? initial.secretsSet : []}
          errorsFor={errorsFor}
        />
      </Card>
      <ActionError failure={failure} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {initial.id ? t("save") : t("create")}
        </Button>
        {saved && (
          <span className="text-sm text-emerald-700 dark:text-emerald-400" role="status">
            {t("saved")}
          </span>
        )}
      </div>
    </form>
  );
}
