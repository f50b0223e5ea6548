"use client";
/**
 * The per-account figures of the matrix (followers, posts, next, last result, failures), "—"
 * when empty. Translations are looked up once per table (useMatrixLabels), not once per cell:
 * a hook per cell meant hundreds of translator instances per render of 100 accounts.
 */
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MatrixItem } from "@/lib/accounts/matrix-rows";

const resultTone = { published: "green", failed: "red", unconfirmed: "amber" } as const;
const statuses = ["active", "paused", "needs_login", "error"] as const;
const results = ["published", "failed", "unconfirmed"] as const;
const breakers = ["closed", "open", "half_open"] as const;

export type MatrixLabels = {
  empty: string;
  never: string;
  status: Record<string, string>;
  result: Record<string, string>;
  breaker: Record<string, string>;
  selectRow: (name: string) => string;
};

// Stands in for the account name: the row label is formatted once per table, then filled in.
const namePlaceholder = "\u0000";

export function useMatrixLabels(): MatrixLabels {
  const t = useTranslations("matrix");
  const ts = useTranslations("accounts.statuses");
  const selectRow = t("selectRow", { name: namePlaceholder });
  return {
    empty: t("empty"),
    never: t("never"),
    status: Object.fromEntries(statuses.map((s) => [s, ts(s)])),
    result: Object.fromEntries(results.map((r) => [r, t(`results.${r}`)])),
    breaker: Object.fromEntries(breakers.map((b) => [b, t(`breaker.${b}`)])),
    selectRow: (name) => selectRow.replace(namePlaceholder, () => name),
  };
}

// Formatters are built once per locale / zone: building one costs far more than using it.
const shortTimes = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

/** "11-23 20:30" in the workspace zone: the year is noise in a dense table. */
export function formatShortTime(value: Date | string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = shortTimes.get(key);
  if (!f)
    shortTimes.set(
      key,
      (f = new Intl.DateTimeFormat(locale, {
        timeZone,
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      })),
    );
  return f.format(new Date(value));
}

function formatNumber(value: number, locale: string): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(value);
}

export function Empty({ labels }: { labels: MatrixLabels }) {
  return <span className="text-zinc-400">{labels.empty}</span>;
}

/** A count; zero shows as "—" when `zeroIsEmpty` (posts, failures), null always does. */
export function Count({
  value,
  locale,
  labels,
  alert,
  zeroIsEmpty,
}: {
  value: number | null;
  locale: string;
  labels: MatrixLabels;
  alert?: boolean;
  zeroIsEmpty?: boolean;
}) {
  if (value === null || (zeroIsEmpty && value === 0)) return <Empty labels={labels} />;
  if (alert && value > 0) return <span className="font-medium text-red-600 dark:text-red-400">{formatNumber(value, locale)}</span>;
  return formatNumber(value, locale);
}

export function NextScheduled({
  item,
  locale,
  timeZone,
  labels,
}: {
  item: MatrixItem;
  locale: string;
  timeZone: string;
  labels: MatrixLabels;
}) {
  if (!item.nextScheduledAt) return <Empty labels={labels} />;
  return <time dateTime={item.nextScheduledAt}>{formatShortTime(item.nextScheduledAt, locale, timeZone)}</time>;
}

export function LastPublish({
  item,
  locale,
  timeZone,
  labels,
}: {
  item: MatrixItem;
  locale: string;
  timeZone: string;
  labels: MatrixLabels;
}) {
  if (!item.lastPublish) return <Empty labels={labels} />;
  const { status, at } = item.lastPublish;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-testid="last-publish" data-result={status}>
      <Badge tone={resultTone[status]}>{labels.result[status]}</Badge>
      <time className="text-xs text-zinc-500" dateTime={at}>
        {formatShortTime(at, locale, timeZone)}
      </time>
    </span>
  );
}
