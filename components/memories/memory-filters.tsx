"use client";
/** Search box and filters: a plain GET form, so every state of the list has a shareable URL. */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";

export type MemoryFilterValues = { q?: string; type?: string; privacy?: string; tag?: string; sort?: string };

export function MemoryFilters({ values }: { values: MemoryFilterValues }) {
  const t = useTranslations("memories");
  const c = useTranslations("common");
  return (
    <form
      method="get"
      role="search"
      aria-label={t("search")}
      className="grid gap-2 sm:grid-cols-[minmax(12rem,1fr)_repeat(2,minmax(0,9rem))_8rem_minmax(0,9rem)_auto]"
    >
      <TextInput name="q" type="search" placeholder={t("searchPlaceholder")} defaultValue={values.q ?? ""} aria-label={t("search")} />
      <Select name="type" defaultValue={values.type ?? ""} aria-label={t("type")}>
        <option value="">{t("allTypes")}</option>
        <option value="short_term">{t("types.short_term")}</option>
        <option value="long_term">{t("types.long_term")}</option>
      </Select>
      <Select name="privacy" defaultValue={values.privacy ?? ""} aria-label={t("privacy")}>
        <option value="">{t("allPrivacies")}</option>
        <option value="private">{t("privacies.private")}</option>
        <option value="workspace">{t("privacies.workspace")}</option>
      </Select>
      <TextInput name="tag" placeholder={t("tags")} defaultValue={values.tag ?? ""} aria-label={t("tags")} />
      <Select name="sort" defaultValue={values.sort ?? "created"} aria-label={t("sort")}>
        {(["created", "importance", "access"] as const).map((s) => (
          <option key={s} value={s}>
            {t(`sorts.${s}`)}
          </option>
        ))}
      </Select>
      <Button type="submit">{c("filter")}</Button>
    </form>
  );
}
