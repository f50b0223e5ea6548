import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BarListChart } from "@/components/competitors/bar-list-chart";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { formatCount, formatDay } from "@/components/competitors/format";
import { NotesTable } from "@/components/competitors/notes-table";
import { PostingHeatmap } from "@/components/competitors/posting-heatmap";
import { RangeControls } from "@/components/competitors/range-controls";
import { TrendChart } from "@/components/competitors/trend-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { getCompetitorDetail } from "@/lib/competitors/queries/competitor-detail";
import { getCompetitor } from "@/lib/competitors/queries/competitor-queries";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";

export const metadata = { title: "Competitor" };

type Props = CompetitorPageProps<{ workspace: string; id: string }>;

export default async function CompetitorPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams });
  if (!page) return <Forbidden />;
  const {
    ctx,
    db,
    base,
    params: { id },
  } = page;
  const competitor = await getCompetitor(db, ctx.workspaceId, id);
  if (!competitor) notFound();
  const [t, locale, detail, settings] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    getCompetitorDetail(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, id, base.range),
    getAnalyticsSettings(db, ctx.workspaceId),
  ]);
  const key = `c:${id}`;
  const profile = [
    { label: t("detail.followers"), value: detail.latest?.followers },
    { label: t("detail.following"), value: detail.latest?.following },
    { label: t("detail.likesAndCollects"), value: detail.latest?.likesAndCollects },
    { label: t("detail.notesInRange"), value: detail.series.reduce((s, p) => s + p.notes, 0) },
  ];

  return (
    <>
      <PageHeader
        title={competitor.name}
        subtitle={`${competitor.redUserId}${detail.latest ? ` · ${t("detail.updated", { at: formatDay(detail.latest.takenAt, locale, base.timezone) })}` : ""}`}
      />
      <CompetitorsTabs slug={ctx.workspaceSlug} active={null} query={base.query} />
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-2">
          {[...competitor.groups, ...competitor.tags].map((g) => (
            <Badge key={g}>{g}</Badge>
          ))}
          {competitor.profileUrl && (
            <a href={competitor.profileUrl} target="_blank" rel="noreferrer noopener" className="text-sm text-brand-600 hover:underline">
              {t("detail.profileLink")}
            </a>
          )}
          {competitor.notes && <p className="w-full text-sm text-zinc-600 dark:text-zinc-300">{competitor.notes}</p>}
        </div>
        <RangeControls from={base.range.from} to={base.range.to} granularity={base.range.granularity} today={base.today} />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {profile.map((p) => (
            <Card key={p.label} className="p-4">
              <p className="text-xs text-zinc-500">{p.label}</p>
              <p className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(p.value ?? null, locale)}</p>
            </Card>
          ))}
        </div>
        {detail.series.every((p) => p.followers === null && p.notes === 0) ? (
          <EmptyState title={t("empty.noDataTitle")} body={t("empty.noDataBody")} />
        ) : (
          <div className="grid gap-5 xl:grid-cols-2">
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.followers")}</h2>
              <TrendChart
                testId="detail-followers"
                locale={locale}
                series={[{ key, name: competitor.name }]}
                data={detail.series.map((p) => ({ bucket: p.bucket, [key]: p.followers }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("overview.engagement")}</h2>
              <TrendChart
                testId="detail-engagement"
                kind="bar"
                locale={locale}
                series={[{ key, name: t("kpi.engagement") }]}
                data={detail.series.map((p) => ({ bucket: p.bucket, [key]: p.engagement }))}
              />
            </Card>
          </div>
        )}
        <div className="grid gap-5 xl:grid-cols-[3fr_2fr]">
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("detail.heatmap")}</h2>
            <PostingHeatmap cells={detail.heatmap} locale={locale} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("detail.topicMix")}</h2>
            {detail.topics.length ? (
              <BarListChart
                testId="detail-topics"
                locale={locale}
                valueName={t("detail.notes")}
                data={detail.topics.map((x) => ({ label: `#${x.topic}`, value: x.notes }))}
              />
            ) : (
              <p className="py-6 text-center text-sm text-zinc-500">{t("notes.none")}</p>
            )}
          </Card>
        </div>
        <div className="grid gap-5 xl:grid-cols-2">
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("detail.best")}</h2>
            <NotesTable notes={detail.best} locale={locale} timeZone={base.timezone} viralThreshold={settings.viralRule.minLikes} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("detail.worst")}</h2>
            <NotesTable notes={detail.worst} locale={locale} timeZone={base.timezone} />
          </Card>
        </div>
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">{t("detail.allNotes")}</h2>
          <NotesTable
            testId="detail-notes"
            notes={detail.notes}
            locale={locale}
            timeZone={base.timezone}
            viralThreshold={settings.viralRule.minLikes}
          />
        </Card>
      </div>
    </>
  );
}
