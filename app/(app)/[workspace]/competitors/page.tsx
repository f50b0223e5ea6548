import { BarChart3 } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlertsList } from "@/components/competitors/alerts-list";
import { BarListChart } from "@/components/competitors/bar-list-chart";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { KpiGrid } from "@/components/competitors/kpi-grid";
import { NotesTable } from "@/components/competitors/notes-table";
import { RangeControls } from "@/components/competitors/range-controls";
import { TrendChart } from "@/components/competitors/trend-chart";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { getOverview } from "@/lib/competitors/queries/overview";
import { maxHourRangeDays } from "@/lib/competitors/queries/range-params";
import { can } from "@/lib/auth/context";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";

export const metadata = { title: "Competitors" };

type Props = CompetitorPageProps<{ workspace: string }>;

export default async function CompetitorsOverviewPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams });
  if (!page) return <Forbidden />;
  const { ctx, db, base } = page;
  const [t, locale, overview, settings] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    getOverview(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, base.subjects, base.range),
    getAnalyticsSettings(db, ctx.workspaceId),
  ]);
  const slug = ctx.workspaceSlug;
  const name = (key: string) => base.names[key] ?? key;
  const series = overview.selected.map((key) => ({ key, name: name(key) }));
  const prev = t("overview.vsPrevious");
  const exportQuery = `from=${base.range.from}&to=${base.range.to}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={
          base.range.granularity === "hour"
            ? t("overview.subtitleHourly", { from: base.range.from, to: base.range.to, timeZone: base.timezone })
            : t("overview.subtitle", { from: base.range.from, to: base.range.to })
        }
        actions={
          can(ctx, "analytics.export") ? (
            <>
              <a
                href={`/api/v1/competitor-reports/csv?${exportQuery}`}
                className="rounded-lg px-3 py-1.5 text-sm ring-1 ring-zinc-200 hover:bg-zinc-50 dark:ring-zinc-700"
                data-testid="export-csv"
              >
                {t("report.csv")}
              </a>
              <Link
                href={`/${slug}/competitor-report?${exportQuery}`}
                className="rounded-lg bg-brand-500 px-3 py-1.5 text-sm text-white hover:bg-brand-600"
                data-testid="open-report"
              >
                {t("report.open")}
              </Link>
            </>
          ) : undefined
        }
      />
      <CompetitorsTabs slug={slug} active="overview" query={base.query} />
      {base.subjects.length === 0 ? (
        <EmptyState
          icon={<BarChart3 className="size-8" />}
          title={t("empty.noCompetitorsTitle")}
          body={t("empty.noCompetitorsBody")}
          action={
            <Link href={`/${slug}/competitors/manage`} className="rounded-lg bg-brand-500 px-4 py-2 text-sm text-white">
              {t("empty.addFirst")}
            </Link>
          }
        />
      ) : (
        <div className="space-y-5">
          <RangeControls
            from={base.range.from}
            to={base.range.to}
            granularity={base.range.granularity}
            today={base.today}
            subjects={base.subjects}
            selected={base.range.subjects ? overview.selected : []}
            maxHourDays={maxHourRangeDays}
          />
          {base.range.notice === "hourRangeTooLong" && (
            <p
              role="status"
              data-testid="granularity-notice"
              className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
            >
              {t("range.hourRangeTooLong", { days: maxHourRangeDays, fallback: t(`range.${base.range.granularity}`) })}
            </p>
          )}
          {overview.isEmpty && (
            <EmptyState
              title={t("empty.noDataTitle")}
              body={t("empty.noDataBody")}
              action={
                <Link href={`/${slug}/competitors/manage`} className="text-sm text-brand-600 hover:underline">
                  {t("empty.importData")}
                </Link>
              }
            />
          )}
          <KpiGrid
            locale={locale}
            items={[
              {
                id: "engagement",
                label: t("kpi.engagement"),
                hint: t("metric.engagement"),
                value: overview.kpis.engagement.value,
                change: overview.kpis.engagement.change,
                previousLabel: prev,
              },
              {
                id: "notes",
                label: t("kpi.notes"),
                value: overview.kpis.notes.value,
                change: overview.kpis.notes.change,
                previousLabel: prev,
              },
              {
                id: "per-note",
                label: t("kpi.perNote"),
                value: overview.kpis.engagementPerNote.value,
                change: overview.kpis.engagementPerNote.change,
                previousLabel: prev,
              },
              {
                id: "followers",
                label: t("kpi.followerGrowth"),
                hint: t("metric.followerGrowth"),
                value: overview.kpis.followerGrowth.value,
                change: overview.kpis.followerGrowth.change,
                previousLabel: prev,
              },
              {
                id: "viral",
                label: t("kpi.viral"),
                hint: t("metric.viral", { likes: settings.viralRule.minLikes }),
                value: overview.kpis.viralNotes.value,
                change: overview.kpis.viralNotes.change,
                previousLabel: prev,
              },
            ]}
          />
          <div className="grid gap-5 xl:grid-cols-2">
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.followers")}</h2>
              <TrendChart
                testId="chart-followers"
                locale={locale}
                series={series}
                data={overview.series.map((p) => ({ bucket: p.bucket, ...p.followers }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.engagement")}</h2>
              <TrendChart
                testId="chart-engagement"
                kind="bar"
                locale={locale}
                series={series}
                data={overview.series.map((p) => ({ bucket: p.bucket, ...p.engagement }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.shareOfVoice")}</h2>
              <p className="mb-2 text-xs text-zinc-500">{t("overview.shareOfVoiceHint")}</p>
              <BarListChart
                testId="chart-sov"
                locale={locale}
                percent
                valueName={t("overview.share")}
                data={overview.shareOfVoice.slice(0, 12).map((s) => ({ label: name(s.key), value: s.share }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.cadence")}</h2>
              <p className="mb-2 text-xs text-zinc-500">{t("overview.cadenceHint")}</p>
              <BarListChart
                testId="chart-cadence"
                locale={locale}
                color="#2563eb"
                valueName={t("overview.perWeek")}
                data={overview.cadence
                  .filter((c) => c.notesPerWeek > 0)
                  .slice(0, 12)
                  .map((c) => ({ label: name(c.key), value: Math.round(c.notesPerWeek * 10) / 10 }))}
              />
            </Card>
          </div>
          <div className="grid gap-5 xl:grid-cols-[minmax(0,2fr)_minmax(16rem,1fr)]">
            <div className="space-y-5">
              <Card className="p-4">
                <h2 className="mb-2 font-semibold">{t("overview.topNotes")}</h2>
                <NotesTable
                  testId="top-notes"
                  locale={locale}
                  timeZone={base.timezone}
                  showAuthor
                  notes={overview.topNotes.map((n) => ({ ...n, author: name(n.subjectKey) }))}
                />
              </Card>
              <Card className="p-4">
                <h2 className="mb-2 font-semibold">{t("overview.viralNotes", { likes: settings.viralRule.minLikes })}</h2>
                <NotesTable
                  testId="viral-notes"
                  locale={locale}
                  timeZone={base.timezone}
                  showAuthor
                  notes={overview.viralNotes.map((n) => ({ ...n, author: name(n.subjectKey) }))}
                />
              </Card>
            </div>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("alerts.title")}</h2>
              <AlertsList alerts={overview.alerts} names={base.names} locale={locale} timeZone={base.timezone} slug={slug} />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
