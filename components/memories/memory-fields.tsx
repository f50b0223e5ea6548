"use client";
/** The fields shared by the create and edit forms, and reading them back from FormData. */
import { useTranslations } from "next-intl";
import { Field, Select, TextInput } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors/app-error";

export type MemoryFormValues = {
  content: string;
  type: string;
  privacy: string;
  category: string | null;
  tags: string[];
  importance: number;
};

const textarea =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20 dark:border-zinc-700 dark:bg-zinc-900";

export function readMemoryForm(data: FormData) {
  const category = String(data.get("category") ?? "").trim();
  return {
    content: String(data.get("content") ?? ""),
    type: String(data.get("type") ?? "short_term"),
    privacy: String(data.get("privacy") ?? "private"),
    category: category || null,
    tags: String(data.get("tags") ?? "")
      .split(/[,，]/)
      .map((t) => t.trim())
      .filter(Boolean),
    importance: Number(data.get("importance") ?? 0.5),
  };
}

export function MemoryFields({ values, errors }: { values?: Partial<MemoryFormValues>; errors?: FieldErrors }) {
  const t = useTranslations("memories");
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <div className="sm:col-span-4">
        <Field label={t("content")} name="content" hint={t("contentHint")} errors={errors?.content}>
          <textarea id="content" name="content" required maxLength={8000} rows={3} defaultValue={values?.content} className={textarea} />
        </Field>
      </div>
      <Field label={t("type")} name="type" errors={errors?.type}>
        <Select name="type" defaultValue={values?.type ?? "short_term"}>
          <option value="short_term">{t("types.short_term")}</option>
          <option value="long_term">{t("types.long_term")}</option>
        </Select>
      </Field>
      <Field label={t("privacy")} name="privacy" errors={errors?.privacy}>
        <Select name="privacy" defaultValue={values?.privacy ?? "private"}>
          <option value="private">{t("privacies.private")}</option>
          <option value="workspace">{t("privacies.workspace")}</option>
        </Select>
      </Field>
      <Field label={t("category")} name="category" errors={errors?.category}>
        <TextInput name="category" maxLength={60} defaultValue={values?.category ?? ""} />
      </Field>
      <Field label={t("importance")} name="importance" errors={errors?.importance}>
        <TextInput name="importance" type="number" min={0} max={1} step={0.05} defaultValue={values?.importance ?? 0.5} />
      </Field>
      <div className="sm:col-span-4">
        <Field label={t("tags")} name="tags" hint={t("tagsHint")} errors={errors?.tags ?? errors?.["tags.0"]}>
          <TextInput name="tags" defaultValue={values?.tags?.join(", ") ?? ""} />
        </Field>
      </div>
    </div>
  );
}
