"use client";
/**
 * Why a job failed, for people: our translation of the failure code and what to do about it,
 * then the remote's own words (the bridge's `details`) as they came. Unknown codes show only
 * the words; a code itself is never shown.
 */
import { useLocale, useTranslations } from "next-intl";
import { isPublishFailureCode, publishFailures } from "@/lib/publishing/publish-failures";

export function FailureReason({ code, message, compact = false }: { code: string | null; message: string | null; compact?: boolean }) {
  const t = useTranslations("calendar");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const known = isPublishFailureCode(code) ? publishFailures[code] : null;
  if (!known && !message) return null;
  return (
    <span
      className={compact ? "min-w-0 flex-1 truncate text-xs text-red-600" : "block text-red-700 dark:text-red-300"}
      title={message ?? undefined}
      data-testid="failure-reason"
    >
      {known && <span className="font-medium">{known.message[locale]}</span>}
      {known && <span className="ml-1 rounded bg-red-50 px-1 text-xs dark:bg-red-950">{t(`remedies.${known.remedy}`)}</span>}
      {message && <span className={compact ? "ml-1" : "block text-xs text-zinc-600 dark:text-zinc-400"}>{message}</span>}
    </span>
  );
}
