"use client";
/** The note title with RED's width counter (CJK 2, ASCII 1, halved and rounded up). */
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { redTitleWidth } from "@/lib/drafts/text-length";

export function TitleField({
  value,
  limit,
  disabled,
  onChange,
  onBlur,
}: {
  value: string;
  limit: number;
  disabled: boolean;
  onChange: (v: string) => void;
  onBlur: () => void;
}) {
  const t = useTranslations("drafts.editor");
  const width = redTitleWidth(value);
  const over = width > limit;
  return (
    <div className="flex items-center gap-3 rounded-xl border border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <input
        aria-label={t("titleLabel")}
        name="title"
        value={value}
        disabled={disabled}
        placeholder={t("titlePlaceholder")}
        onChange={(e) => onChange(e.target.value.replace(/[\r\n]+/g, " "))}
        onBlur={onBlur}
        maxLength={500}
        className="min-w-0 flex-1 bg-transparent text-lg font-semibold outline-none placeholder:text-zinc-400"
      />
      <span
        data-testid="title-width"
        className={cn("shrink-0 text-xs tabular-nums", over ? "font-semibold text-red-600" : "text-zinc-500")}
        title={t("titleWidthHint")}
      >
        {width}/{limit}
      </span>
    </div>
  );
}
