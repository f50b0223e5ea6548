"use client";
/** The dense matrix table: one row per account, sortable by column, selectable for bulk actions. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/components/audit/format-time";
import { Badge } from "@/components/ui/badge";
import type { MatrixItem } from "@/lib/accounts/matrix-rows";
import { Count, LastPublish, NextScheduled, useMatrixLabels } from "./matrix-figures";
import { SortHeader } from "./sort-header";
import { BreakerBadgeView, StatusBadgeView } from "./status-badge";

type Props = {
  slug: string;
  locale: string;
  timeZone: string;
  items: MatrixItem[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  selectable: boolean;
};

export function MatrixTable({ slug, locale, timeZone, items, selected, onToggle, onToggleAll, selectable }: Props) {
  const t = useTranslations("matrix");
  const labels = useMatrixLabels();
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const th = "px-3 py-2 font-medium whitespace-nowrap";
  const num = `${th} text-right`;
  return (
    // Cell padding is set once here rather than repeated on each of the ~1,200 cells of 100 rows.
    <table className="w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_td.n]:text-right [&_td.n]:tabular-nums" data-testid="matrix-table">
      <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
        <tr>
          {selectable && (
            <th className="w-8 px-3 py-2">
              <input type="checkbox" checked={allSelected} onChange={onToggleAll} aria-label={t("selectAll")} />
            </th>
          )}
          <SortHeader sort="name" className={th}>
            {t("columns.name")}
          </SortHeader>
          <SortHeader sort="status" className={th}>
            {t("columns.status")}
          </SortHeader>
          <SortHeader sort="followers" className={num}>
            {t("columns.followers")}
          </SortHeader>
          <SortHeader sort="postsThisWeek" className={num}>
            {t("columns.postsThisWeek")}
          </SortHeader>
          <SortHeader sort="nextScheduledAt" className={th}>
            {t("columns.nextScheduled")}
          </SortHeader>
          <SortHeader sort="lastPublishAt" className={th}>
            {t("columns.lastPublish")}
          </SortHeader>
          <SortHeader sort="failures7d" className={num}>
            {t("columns.failures7d")}
          </SortHeader>
          <th className={th}>{t("columns.groups")}</th>
          <th className={th}>{t("columns.publisher")}</th>
          <th className={th}>{t("columns.breaker")}</th>
          <SortHeader sort="lastCheckAt" className={th}>
            {t("columns.lastCheck")}
          </SortHeader>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {items.map((a) => (
          <tr
            key={a.id}
            data-testid="matrix-row"
            data-account-id={a.id}
            className={selected.has(a.id) ? "bg-brand-50/40 dark:bg-brand-700/10" : undefined}
          >
            {selectable && (
              <td>
                <input type="checkbox" checked={selected.has(a.id)} onChange={() => onToggle(a.id)} aria-label={labels.selectRow(a.name)} />
              </td>
            )}
            <td>
              <Link href={`/${slug}/accounts/${a.id}`} prefetch={false} className="font-medium whitespace-nowrap hover:underline">
                {a.name}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{a.redId}</div>
            </td>
            <td>
              <StatusBadgeView status={a.status} reason={a.statusReason} label={labels.status[a.status] ?? a.status} />
            </td>
            <td className="n" data-testid="cell-followers">
              <Count value={a.followers} locale={locale} labels={labels} />
            </td>
            <td className="n" data-testid="cell-posts-week">
              <Count value={a.postsThisWeek} locale={locale} labels={labels} zeroIsEmpty />
            </td>
            <td className="text-xs whitespace-nowrap tabular-nums" data-testid="cell-next">
              <NextScheduled item={a} locale={locale} timeZone={timeZone} labels={labels} />
            </td>
            <td data-testid="cell-last-publish">
              <LastPublish item={a} locale={locale} timeZone={timeZone} labels={labels} />
            </td>
            <td className="n" data-testid="cell-failures">
              <Count value={a.failures7d} locale={locale} labels={labels} alert zeroIsEmpty />
            </td>
            <td>
              <div className="flex gap-1">
                {a.groups.map((g) => (
                  <Badge key={g} tone="brand">
                    {g}
                  </Badge>
                ))}
              </div>
              {a.tags.length > 0 && (
                <div className="mt-0.5 max-w-48 truncate text-xs text-zinc-500" title={a.tags.join(" · ")}>
                  {a.tags.join(" · ")}
                </div>
              )}
            </td>
            <td className="text-xs whitespace-nowrap">{a.publisherName}</td>
            <td>
              <BreakerBadgeView state={a.breaker} label={a.breaker ? labels.breaker[a.breaker] : ""} />
            </td>
            <td className="text-xs whitespace-nowrap text-zinc-500" title={a.lastCheckMessage ?? undefined}>
              {a.lastCheckAt ? (
                <span className={a.lastCheckOk ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
                  {a.lastCheckOk ? "✓" : "✗"} {formatDateTime(a.lastCheckAt, locale, timeZone)}
                </span>
              ) : (
                labels.never
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
