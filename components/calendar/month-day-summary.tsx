"use client";
/**
 * The bottom of a month-view day: how many jobs it has by status, which accounts post (a dot per
 * account, its count on hover), and a link to the rest of the day (the list view of its week),
 * whose details are loaded only when asked for.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { accountColor } from "./account-colors";
import type { DayCountsView, JobView } from "./types";

const statusTone: Record<JobView["status"], string> = {
  scheduled: "text-zinc-500",
  publishing: "text-sky-600",
  published: "text-emerald-600",
  failed: "text-red-600 font-semibold",
  unconfirmed: "text-amber-600 font-semibold",
  canceled: "text-zinc-400",
};

type Props = { day: string; counts: DayCountsView | undefined; shown: number; accountNames: Record<string, string>; href: string };

export function MonthDaySummary({ day, counts, shown, accountNames, href }: Props) {
  const t = useTranslations("calendar");
  if (!counts) return null;
  const hidden = counts.total - shown;
  return (
    <div className="space-y-0.5 px-1 text-[11px] leading-tight" data-testid={`summary-${day}`} data-total={counts.total}>
      <p className="flex flex-wrap gap-x-1.5">
        {(Object.entries(counts.byStatus) as [JobView["status"], number][]).map(([status, n]) => (
          <span key={status} className={cn("tabular-nums", statusTone[status])}>
            {t("dayStatusCount", { count: n, status: t(`statuses.${status}`) })}
          </span>
        ))}
      </p>
      <p className="flex flex-wrap gap-0.5" aria-label={t("dayAccounts")}>
        {Object.entries(counts.byAccount).map(([accountId, n]) => (
          <span
            key={accountId}
            title={`${accountNames[accountId] ?? ""} ${n}`.trim()}
            className={cn("inline-block size-2 rounded-full border", accountColor(accountId))}
          />
        ))}
      </p>
      {hidden > 0 && (
        <Link href={href} className="block text-zinc-500 underline-offset-2 hover:text-brand-600 hover:underline">
          {t("more", { count: hidden })}
        </Link>
      )}
    </div>
  );
}
