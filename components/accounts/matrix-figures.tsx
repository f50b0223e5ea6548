"use client";
/** The per-account figures of the matrix (followers, posts, next, last result, failures), "—" when empty. */
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MatrixItem } from "./matrix-types";

const resultTone = { published: "green", failed: "red", unconfirmed: "amber" } as const;

// Formatters are built once per locale / zone: building one costs far more than using it.
const shortTimes = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

/** "11-23 20:30" in the workspace zone: the year is noise in a dense table. */
export function formatShortTime(value: Date | string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = shortTimes.get(key);
  if (!f) shortTimes.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })));
  return f.format(new Date(value));
}

function formatNumber(value: number, locale: string): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(value);
}

export function Empty() {
  const t = useTranslations("matrix");
  return <span className="text-zinc-400" aria-label={t("empty")}>{t("empty")}</span>;
}

export function Count({ value, locale, alert }: { value: number | null; locale: string; alert?: boolean }) {
  if (value === null) return <Empty />;
  return <span className={alert && value > 0 ? "font-medium text-red-600 dark:text-red-400" : undefined}>{formatNumber(value, locale)}</span>;
}

export function NextScheduled({ item, locale, timeZone }: { item: MatrixItem; locale: string; timeZone: string }) {
  if (!item.nextScheduledAt) return <Empty />;
  return <time dateTime={new Date(item.nextScheduledAt).toISOString()}>{formatShortTime(item.nextScheduledAt, locale, timeZone)}</time>;
}

export function LastPublish({ item, locale, timeZone }: { item: MatrixItem; locale: string; timeZone: string }) {
  const t = useTranslations("matrix.results");
  if (!item.lastPublish) return <Empty />;
  const { status, at } = item.lastPublish;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid="last-publish" data-result={status}>
      <Badge tone={resultTone[status]}>{t(status)}</Badge>
      <time className="text-xs text-zinc-500" dateTime={new Date(at).toISOString()}>{formatShortTime(at, locale, timeZone)}</time>
    </span>
  );
}
