import { getLocale, getTranslations } from "next-intl/server";
import { BarListChart } from "@/components/competitors/bar-list-chart";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { RangeControls } from "@/components/competitors/range-controls";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getContentAnalysis } from "@/lib/competitors/queries/content-analysis";
import { subjectKey } from "@/lib/competitors/queries/range-params";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";

export const metadata = { title: "Content analysis" };

type Props = CompetitorPageProps<{ workspace: string }>;

export default async function ContentAnalysisPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams });
  if (!page) return <Forbidden />;
  const { ctx, db, base } = page;
  const subjectIds = base.range.subjects ? base.range.subjects.map((s) => s.id) : null;
  const [t, locale, content] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    getContentAnalysis(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, base.range, subjectIds),
  ]);

  return (
    <>
      <PageHeader title={t("content.title")} subtitle={t("content.subtitle", { count: content.noteCount })} />
      <CompetitorsTabs slug={ctx.workspaceSlug} active="content" query={base.query} />
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
        {content.noteCount === 0 ? (
          <EmptyState title={t("empty.noDataTitle")} body={t("empty.noDataBody")} />
        ) : (
          <div className="grid gap-5 xl:grid-cols-2">
            <Card className="p-4">
              <h2 className="font-semibold">{t("content.titleLength")}</h2>
              <p className="mb-2 text-xs text-zinc-500">{t("content.titleLengthHint")}</p>
              <BarListChart
                testId="chart-title-length"
                locale={locale}
                valueName={t("content.avgEngagement")}
                data={content.titleLength.map((b) => ({
                  label: t("content.widthBucket", { bucket: b.bucket, notes: b.notes }),
                  value: b.avgEngagement,
                }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="font-semibold">{t("content.typeMix")}</h2>
              <p className="mb-2 text-xs text-zinc-500">{t("content.typeMixHint")}</p>
              <BarListChart
                testId="chart-type-mix"
                locale={locale}
                color="#2563eb"
                valueName={t("detail.notes")}
                data={content.typeMix.map((x) => ({
                  label: t(`content.types.${x.type === "video" ? "video" : "normal"}`, { avg: x.avgEngagement }),
                  value: x.notes,
                }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="mb-2 font-semibold">{t("content.topics")}</h2>
              <BarListChart
                testId="chart-topics"
                locale={locale}
                color="#16a34a"
                valueName={t("content.avgEngagement")}
                data={content.topics.slice(0, 15).map((x) => ({ label: `#${x.topic} (${x.notes})`, value: x.avgEngagement }))}
              />
            </Card>
            <Card className="p-4">
              <h2 className="font-semibold">{t("content.keywords")}</h2>
              <p className="mb-2 text-xs text-zinc-500">{t("content.keywordsHint")}</p>
              <BarListChart
                testId="chart-keywords"
                locale={locale}
                color="#9333ea"
                valueName={t("content.occurrences")}
                data={content.keywords.slice(0, 20).map((k) => ({ label: k.keyword, value: k.count }))}
              />
            </Card>
          </div>
        )}
      </div>
    </>
  );
}
