"use client";
/** The card grid view of the matrix: the same data as the table, scannable at a glance. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { MatrixItem } from "@/lib/accounts/matrix-rows";
import { Count, LastPublish, NextScheduled, useMatrixLabels } from "./matrix-figures";
import { BreakerBadgeView, StatusBadgeView } from "./status-badge";

type Props = {
  slug: string;
  locale: string;
  timeZone: string;
  items: MatrixItem[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  selectable: boolean;
};

export function MatrixCards({ slug, locale, timeZone, items, selected, onToggle, selectable }: Props) {
  const t = useTranslations("matrix");
  const labels = useMatrixLabels();
  const figureNames = { followers: t("columns.followers"), postsThisWeek: t("columns.postsThisWeek"), failures7d: t("columns.failures7d") };
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4" data-testid="matrix-cards">
      {items.map((a) => (
        <div
          key={a.id}
          data-testid="matrix-card"
          className={cn(
            "rounded-xl border bg-white p-3 dark:bg-zinc-900",
            selected.has(a.id) ? "border-brand-500" : "border-zinc-200 dark:border-zinc-800",
          )}
        >
          <div className="flex items-start gap-2">
            {selectable && (
              <input
                type="checkbox"
                className="mt-1"
                checked={selected.has(a.id)}
                onChange={() => onToggle(a.id)}
                aria-label={labels.selectRow(a.name)}
              />
            )}
            {a.avatarUrl ? (
              <img src={a.avatarUrl} alt="" className="size-9 rounded-full object-cover" />
            ) : (
              <div className="flex size-9 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 dark:bg-brand-700/20">
                {a.name.slice(0, 1)}
              </div>
            )}
            <div className="min-w-0 flex-1">
              <Link href={`/${slug}/accounts/${a.id}`} prefetch={false} className="block truncate font-medium hover:underline">
                {a.name}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{a.redId}</div>
            </div>
            <StatusBadgeView status={a.status} reason={a.statusReason} label={labels.status[a.status] ?? a.status} />
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-center" data-testid="card-figures">
            {(
              [
                ["followers", <Count key="f" value={a.followers} locale={locale} labels={labels} />],
                ["postsThisWeek", <Count key="p" value={a.postsThisWeek} locale={locale} labels={labels} zeroIsEmpty />],
                ["failures7d", <Count key="x" value={a.failures7d} locale={locale} labels={labels} alert zeroIsEmpty />],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="rounded-lg bg-zinc-50 px-1 py-1.5 dark:bg-zinc-800/60">
                <dt className="truncate text-[11px] text-zinc-500">{figureNames[key]}</dt>
                <dd className="text-sm font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-2 space-y-1 text-xs">
            <div className="flex items-center justify-between gap-2">
              <span className="text-zinc-500">{t("cardNext")}</span>
              <NextScheduled item={a} locale={locale} timeZone={timeZone} labels={labels} />
            </div>
            <div className="flex items-center justify-between gap-2">
              <span className="text-zinc-500">{t("cardLast")}</span>
              <LastPublish item={a} locale={locale} timeZone={timeZone} labels={labels} />
            </div>
          </div>
          <div className="mt-2 flex flex-wrap gap-1">
            {a.groups.map((g) => (
              <Badge key={g} tone="brand">
                {g}
              </Badge>
            ))}
            {a.tags.map((g) => (
              <Badge key={g}>{g}</Badge>
            ))}
          </div>
          <div className="mt-2 flex items-center justify-between text-xs text-zinc-500">
            <span>{a.publisherName}</span>
            <BreakerBadgeView state={a.breaker} label={a.breaker ? labels.breaker[a.breaker] : ""} />
          </div>
          {a.postingSlots.length > 0 && <div className="mt-1 font-mono text-xs text-zinc-400">{a.postingSlots.join(" ")}</div>}
        </div>
      ))}
    </div>
  );
}
