import { getLocale, getTranslations } from "next-intl/server";
import { BarListChart } from "@/components/competitors/bar-list-chart";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { formatCount, formatPercent } from "@/components/competitors/format";
import { RangeControls } from "@/components/competitors/range-controls";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { getComparison } from "@/lib/competitors/queries/comparison";
import { subjectKey } from "@/lib/competitors/queries/range-params";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";

export const metadata = { title: "Comparison" };

type Props = CompetitorPageProps<{ workspace: string }>;

export default async function ComparisonPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams });
  if (!page) return <Forbidden />;
  const { ctx, db, base } = page;
  const [t, locale, rows, settings] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    getComparison(db, ctx, base.subjects, base.range),
    getAnalyticsSettings(db, ctx.workspaceId),
  ]);
  const w = settings.cesWeights;
  const sorted = [...rows].sort((a, b) =>
    a.type === b.type ? (b.perThousandFollowers ?? -1) - (a.perThousandFollowers ?? -1) : a.type === "account" ? -1 : 1,
  );
  const num = (v: number | null, digits = 1) => (v === null ? "—" : v.toLocaleString(locale, { maximumFractionDigits: digits }));

  return (
    <>
      <PageHeader title={t("compare.title")} subtitle={t("compare.subtitle")} />
      <CompetitorsTabs slug={ctx.workspaceSlug} active="compare" query={base.query} />
      <div className="space-y-5">
        <RangeControls
          from={base.range.from}
          to={base.range.to}
          granularity={base.range.granularity}
          today={base.today}
          subjects={base.subjects}
          selected={base.range.subjects?.map(subjectKey) ?? []}
          showGranularity={false}
        />
        {rows.every((r) => r.notes === 0 && r.followers === null) ? (
          <EmptyState title={t("empty.noDataTitle")} body={t("empty.noDataBody")} />
        ) : (
          <>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("compare.perThousand")}</h2>
              <BarListChart
                testId="chart-per-thousand"
                locale={locale}
                valueName={t("compare.perThousand")}
                data={sorted
                  .filter((r) => r.perThousandFollowers !== null)
                  .slice(0, 15)
                  .map((r) => ({ label: base.names[r.key] ?? r.key, value: Math.round(r.perThousandFollowers! * 10) / 10 }))}
              />
            </Card>
            <Card className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="comparison-table">
                <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
                  <tr>
                    {["name", "followers", "growth", "notes", "perWeek", "engagement", "perNote", "perThousand", "rate"].map((k) => (
                      <th key={k} className="px-3 py-2 font-medium whitespace-nowrap">
                        {t(`compare.cols.${k as "name"}`)}
                      </th>
                    ))}
                    <th className="px-3 py-2 font-medium whitespace-nowrap">
                      {t("compare.cols.ces")} <Badge tone="amber">{t("compare.estimate")}</Badge>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {sorted.map((r) => (
                    <tr key={r.key} className={r.type === "account" ? "bg-brand-50/40 dark:bg-brand-700/10" : undefined}>
                      <td className="px-3 py-2 font-medium whitespace-nowrap">
                        {base.names[r.key]} {r.type === "account" && <Badge tone="brand">{t("range.own")}</Badge>}
                      </td>
                      <td className="px-3 py-2 tabular-nums">{formatCount(r.followers, locale)}</td>
                      <td className="px-3 py-2 tabular-nums">{formatPercent(r.followerGrowthRate)}</td>
                      <td className="px-3 py-2 tabular-nums">{r.notes}</td>
                      <td className="px-3 py-2 tabular-nums">{num(r.notesPerWeek)}</td>
                      <td className="px-3 py-2 tabular-nums">{formatCount(r.engagement, locale)}</td>
                      <td className="px-3 py-2 tabular-nums">{formatCount(r.engagementPerNote, locale)}</td>
                      <td className="px-3 py-2 tabular-nums">{num(r.perThousandFollowers)}</td>
                      <td className="px-3 py-2 tabular-nums">{formatPercent(r.engagementRate, 2)}</td>
                      <td className="px-3 py-2 tabular-nums">{formatCount(r.ces, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
            <p className="text-xs text-zinc-500">
              {t("compare.footnote", { like: w.like, collect: w.collect, comment: w.comment, share: w.share, follow: w.follow })}
            </p>
          </>
        )}
      </div>
    </>
  );
}
