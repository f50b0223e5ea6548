import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount, formatDay, formatPercent } from "@/components/competitors/format";
import { PrintButton } from "@/components/competitors/print-button";
import { Forbidden } from "@/components/ui/forbidden";
import { buildCompetitorReport } from "@/lib/competitors/reports/competitor-report";
import { loadCompetitorPage, type CompetitorPageProps } from "@/lib/next/competitor-page";

export const metadata = { title: "Competitor report" };

type Props = CompetitorPageProps<{ workspace: string }>;

export default async function CompetitorReportPage({ params, searchParams }: Props) {
  const page = await loadCompetitorPage({ params, searchParams }, { permission: "analytics.export", selectedAccount: false });
  if (!page) return <Forbidden />;
  const { ctx, db, base } = page;
  const [t, locale, report] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    buildCompetitorReport(db, { workspaceId: ctx.workspaceId, timezone: base.timezone }, base.subjects, base.range),
  ]);
  const th = "border-b border-zinc-300 px-2 py-1.5 text-left text-xs font-medium text-zinc-500";
  const td = "border-b border-zinc-100 px-2 py-1.5 tabular-nums";

  return (
    <article className="text-sm leading-relaxed" data-testid="competitor-report">
      <header className="mb-6 flex items-start justify-between gap-4 border-b-2 border-brand-500 pb-4">
        <div>
          <p className="text-xs tracking-widest text-brand-600">RedMatrix</p>
          <h1 className="text-2xl font-semibold">{t("report.title")}</h1>
          <p className="text-zinc-500">{t("report.period", { from: report.from, to: report.to })}</p>
        </div>
        <div className="flex gap-2 print:hidden">
          <Link
            href={`/${ctx.workspaceSlug}/competitors?from=${report.from}&to=${report.to}`}
            className="rounded-lg px-3 py-2 text-sm ring-1 ring-zinc-200"
          >
            {t("report.back")}
          </Link>
          <a
            href={`/api/v1/competitor-reports/csv?from=${report.from}&to=${report.to}`}
            className="rounded-lg px-3 py-2 text-sm ring-1 ring-zinc-200"
          >
            {t("report.csv")}
          </a>
          <PrintButton />
        </div>
      </header>
      {report.rows.length === 0 ? (
        <p className="text-zinc-500">{t("empty.noDataBody")}</p>
      ) : (
        <section className="mb-8 break-inside-avoid">
          <h2 className="mb-2 text-base font-semibold">{t("report.accounts")}</h2>
          <table className="w-full border-collapse">
            <thead>
              <tr>
                {["name", "followers", "growth", "notes", "perWeek", "engagement", "perNote", "perThousand", "rate", "ces"].map((k) => (
                  <th key={k} className={th}>
                    {t(`compare.cols.${k as "name"}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.key} className="break-inside-avoid">
                  <td className={`${td} font-medium`}>
                    {r.name}
                    {r.type === "account" ? ` (${t("range.own")})` : ""}
                  </td>
                  <td className={td}>{formatCount(r.followers, locale)}</td>
                  <td className={td}>{formatPercent(r.followerGrowthRate)}</td>
                  <td className={td}>{r.notes}</td>
                  <td className={td}>{r.notesPerWeek.toFixed(1)}</td>
                  <td className={td}>{formatCount(r.engagement, locale)}</td>
                  <td className={td}>{formatCount(r.engagementPerNote, locale)}</td>
                  <td className={td}>{r.perThousandFollowers?.toFixed(1) ?? "—"}</td>
                  <td className={td}>{formatPercent(r.engagementRate, 2)}</td>
                  <td className={td}>{formatCount(r.ces, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-zinc-500">{t("report.cesNote")}</p>
        </section>
      )}
      {[
        { title: t("overview.topNotes"), notes: report.topNotes },
        { title: t("report.viral"), notes: report.viralNotes },
      ].map((s) => (
        <section key={s.title} className="mb-8">
          <h2 className="mb-2 text-base font-semibold">{s.title}</h2>
          {s.notes.length === 0 ? (
            <p className="text-zinc-500">{t("notes.none")}</p>
          ) : (
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  {["title", "author", "published", "likes", "collects", "comments", "engagement"].map((k) => (
                    <th key={k} className={th}>
                      {t(`notes.${k as "title"}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.notes.map((n) => (
                  <tr key={n.noteId} className="break-inside-avoid">
                    <td className={`${td} max-w-xs`}>{n.title}</td>
                    <td className={td}>{n.author}</td>
                    <td className={td}>{formatDay(n.publishedAt, locale, base.timezone)}</td>
                    <td className={td}>{formatCount(n.likes, locale)}</td>
                    <td className={td}>{formatCount(n.collects, locale)}</td>
                    <td className={td}>{formatCount(n.comments, locale)}</td>
                    <td className={`${td} font-medium`}>{formatCount(n.engagement, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <footer className="border-t border-zinc-200 pt-3 text-xs text-zinc-400">
        {t("report.footer", { at: formatDay(Date.now(), locale, base.timezone) })}
      </footer>
    </article>
  );
}
