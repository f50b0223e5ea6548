import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { publishJobStatuses } from "@/lib/scheduling/job-statuses";
import { cn } from "@/components/ui/cn";
import { allAccounts } from "@/lib/accounts/selected-account";
import { shiftAnchor, type CalendarView } from "@/lib/scheduling/calendar-range";

type Props = {
  view: CalendarView;
  anchor: string;
  today: string;
  days: string[];
  locale: string;
  filters: { account?: string; status?: string };
  accounts: { id: string; name: string }[];
};

/** View switch, paging and filters: all links and a GET form, so every view has a shareable URL. */
export async function CalendarToolbar({ view, anchor, today, days, locale, filters, accounts }: Props) {
  const t = await getTranslations("calendar");
  const href = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams(
      Object.entries({ view, date: anchor, ...filters, ...over }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return `?${params}`;
  };
  const title =
    view === "month"
      ? new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${anchor}T00:00:00Z`))
      : `${days[0]} – ${days[days.length - 1]}`;
  const pill = "rounded-md px-3 py-1.5 text-sm font-medium";

  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800" role="tablist">
        {(["week", "month", "list"] as const).map((v) => (
          <Link
            key={v}
            href={href({ view: v })}
            role="tab"
            aria-selected={v === view}
            className={cn(pill, v === view ? "bg-white shadow-xs dark:bg-zinc-950" : "text-zinc-500")}
          >
            {t(`views.${v}`)}
          </Link>
        ))}
      </div>
      <div className="flex items-center gap-1">
        <Link
          href={href({ date: shiftAnchor(view, anchor, -1) })}
          aria-label={t("previous")}
          className="rounded-md p-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <ChevronLeft className="size-4" />
        </Link>
        <Link href={href({ date: today })} className={cn(pill, "ring-1 ring-zinc-200 dark:ring-zinc-700")}>
          {t("today")}
        </Link>
        <Link
          href={href({ date: shiftAnchor(view, anchor, 1) })}
          aria-label={t("next")}
          className="rounded-md p-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          <ChevronRight className="size-4" />
        </Link>
      </div>
      <p className="font-semibold tabular-nums" data-testid="calendar-title">
        {title}
      </p>
      <form method="get" className="ml-auto flex flex-wrap gap-2" aria-label={t("filters")}>
        <input type="hidden" name="view" value={view} />
        <input type="hidden" name="date" value={anchor} />
        <select
          name="account"
          defaultValue={filters.account ?? allAccounts}
          aria-label={t("account")}
          className="rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {/* "all", not empty: an empty value would fall back to the header switcher's cookie. */}
          <option value={allAccounts}>{t("allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select
          name="status"
          defaultValue={filters.status ?? ""}
          aria-label={t("status")}
          className="rounded-md border border-zinc-200 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">{t("allStatuses")}</option>
          {publishJobStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className={cn(pill, "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900")}>
          {t("apply")}
        </button>
      </form>
    </div>
  );
}
