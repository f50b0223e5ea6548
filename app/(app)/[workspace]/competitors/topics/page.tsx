import { getLocale, getTranslations } from "next-intl/server";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { formatCount } from "@/components/competitors/format";
import { UnwatchButton, WatchlistForm } from "@/components/competitors/watchlist-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import type { TopicScore } from "@/lib/competitors/rules/rank-hot-topics";
import { getHotTopics } from "@/lib/competitors/queries/hot-topics";
import { can } from "@/lib/auth/context";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";
import { addWatchTopicAction, removeWatchTopicAction } from "../actions";

export const metadata = { title: "Hot topics" };

type Props = CompetitorPageProps<{ workspace: string }>;

export default async function HotTopicsPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams });
  if (!page) return <Forbidden />;
  const { ctx, db, base } = page;
  const [t, locale, hot] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    getHotTopics(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, base.range.to),
  ]);
  const canManage = can(ctx, "competitors.manage");
  const stats = (s: TopicScore) =>
    t("topics.stats", {
      now: s.current.count,
      before: s.previous.count,
      eng: formatCount(s.current.engagement, locale),
      engBefore: formatCount(s.previous.engagement, locale),
    });
  const scoreCell = (s: TopicScore) => (
    <span className="tabular-nums">
      {s.score.toFixed(2)} <span className="text-xs text-zinc-400">z={s.z.toFixed(2)}</span>{" "}
      {s.isSignificant && <Badge tone="green">{t("topics.significant")}</Badge>}
    </span>
  );

  return (
    <>
      <PageHeader
        title={t("topics.title")}
        subtitle={t("topics.subtitle", {
          from: hot.window.currentFrom,
          to: hot.window.currentTo,
          prevFrom: hot.window.previousFrom,
          prevTo: hot.window.previousTo,
        })}
      />
      <CompetitorsTabs slug={ctx.workspaceSlug} active="topics" query={base.query} />
      <p className="mb-4 text-xs text-zinc-500">{t("topics.formula")}</p>
      <div className="grid gap-5 xl:grid-cols-[2fr_1fr]">
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">{t("topics.rising")}</h2>
          {hot.topics.length === 0 ? (
            <EmptyState title={t("topics.noneTitle")} body={t("topics.noneBody")} />
          ) : (
            <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="hot-topics">
              {hot.topics.map((topic, i) => (
                <li key={topic.topic} className="py-3">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      <span className="mr-2 text-zinc-400 tabular-nums">{i + 1}</span>#{topic.topic}
                    </p>
                    {scoreCell(topic)}
                  </div>
                  <p className="text-xs text-zinc-500">{stats(topic)}</p>
                  {topic.notes.length > 0 && (
                    <ul className="mt-1 space-y-0.5 text-sm">
                      {topic.notes.map((n) => (
                        <li key={n.noteId} className="truncate text-zinc-600 dark:text-zinc-300">
                          · {n.title || n.noteId} <span className="text-xs text-zinc-400">({formatCount(n.engagement, locale)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <div className="space-y-5">
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("topics.watchlist")}</h2>
            {canManage && <WatchlistForm slug={ctx.workspaceSlug} add={addWatchTopicAction} />}
            {hot.watchlist.length === 0 ? (
              <p className="py-4 text-sm text-zinc-500">{t("topics.watchEmpty")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="watchlist">
                {hot.watchlist.map((w) => (
                  <li key={w.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <div>
                      <p className="font-medium">#{w.topic}</p>
                      <p className="text-xs text-zinc-500">{stats(w.score)}</p>
                    </div>
                    {canManage && <UnwatchButton slug={ctx.workspaceSlug} id={w.id} remove={removeWatchTopicAction} />}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">{t("topics.keywords")}</h2>
            {hot.keywords.length === 0 ? (
              <p className="py-4 text-sm text-zinc-500">{t("topics.noneBody")}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="hot-keywords">
                {hot.keywords.map((k) => (
                  <li key={k.topic} className="flex justify-between gap-2">
                    <span>{k.topic}</span>
                    <span className="text-xs text-zinc-500 tabular-nums">
                      {k.previous.count} → {k.current.count} · {k.score.toFixed(2)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
