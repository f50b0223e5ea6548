"use client";
/** The dense matrix table: one row per account, selectable for bulk actions. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/components/audit/format-time";
import { Badge } from "@/components/ui/badge";
import { BreakerBadge, StatusBadge } from "./status-badge";
import type { MatrixItem } from "./matrix-types";

type Props = { slug: string; locale: string; items: MatrixItem[]; selected: Set<string>; onToggle: (id: string) => void; onToggleAll: () => void; selectable: boolean };

export function MatrixTable({ slug, locale, items, selected, onToggle, onToggleAll, selectable }: Props) {
  const t = useTranslations("matrix");
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const th = "px-3 py-2 font-medium whitespace-nowrap";
  return (
    <table className="w-full text-sm" data-testid="matrix-table">
      <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
        <tr>
          {selectable && (
            <th className="w-8 px-3 py-2">
              <input type="checkbox" checked={allSelected} onChange={onToggleAll} aria-label={t("selectAll")} />
            </th>
          )}
          <th className={th}>{t("columns.name")}</th>
          <th className={th}>{t("columns.status")}</th>
          <th className={th}>{t("columns.groups")}</th>
          <th className={th}>{t("columns.tags")}</th>
          <th className={th}>{t("columns.publisher")}</th>
          <th className={th}>{t("columns.breaker")}</th>
          <th className={th}>{t("columns.lastCheck")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {items.map((a) => (
          <tr key={a.id} data-testid="matrix-row" data-account-id={a.id} className={selected.has(a.id) ? "bg-brand-50/40 dark:bg-brand-700/10" : undefined}>
            {selectable && (
              <td className="px-3 py-1.5">
                <input type="checkbox" checked={selected.has(a.id)} onChange={() => onToggle(a.id)} aria-label={t("selectRow", { name: a.name })} />
              </td>
            )}
            <td className="px-3 py-1.5">
              <Link href={`/${slug}/accounts/${a.id}`} className="font-medium hover:underline">{a.name}</Link>
              <div className="font-mono text-xs text-zinc-500">{a.redId}</div>
            </td>
            <td className="px-3 py-1.5"><StatusBadge status={a.status} reason={a.statusReason} /></td>
            <td className="px-3 py-1.5"><div className="flex flex-wrap gap-1">{a.groups.map((g) => <Badge key={g} tone="brand">{g}</Badge>)}</div></td>
            <td className="px-3 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">{a.tags.join(" · ")}</td>
            <td className="px-3 py-1.5 text-xs whitespace-nowrap">{a.publisherName}</td>
            <td className="px-3 py-1.5"><BreakerBadge state={a.breaker} /></td>
            <td className="px-3 py-1.5 text-xs text-zinc-500" title={a.lastCheckMessage ?? undefined}>
              {a.lastCheckAt ? (
                <span className={a.lastCheckOk ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}>
                  {a.lastCheckOk ? "✓" : "✗"} {formatDateTime(a.lastCheckAt, locale)}
                </span>
              ) : (
                t("never")
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
