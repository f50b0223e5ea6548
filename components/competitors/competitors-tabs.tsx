/** The competitor section's sub-navigation; keeps the range query when switching views. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const tabs = ["overview", "topics", "content", "compare", "manage"] as const;
export type CompetitorsTab = (typeof tabs)[number];

export function CompetitorsTabs({ slug, active, query }: { slug: string; active: CompetitorsTab | null; query?: string }) {
  const t = useTranslations("competitors.tabs");
  const base = `/${slug}/competitors`;
  const keep = (tab: CompetitorsTab) => (tab === "manage" || !query ? "" : `?${query}`);
  return (
    <nav className="mb-5 flex gap-1 overflow-x-auto border-b border-zinc-200 print:hidden dark:border-zinc-800" aria-label={t("label")}>
      {tabs.map((tab) => (
        <Link
          key={tab}
          href={`${base}${tab === "overview" ? "" : `/${tab}`}${keep(tab)}`}
          aria-current={active === tab ? "page" : undefined}
          className={cn(
            "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm",
            active === tab
              ? "border-brand-500 font-medium text-brand-600"
              : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200",
          )}
        >
          {t(tab)}
        </Link>
      ))}
    </nav>
  );
}
