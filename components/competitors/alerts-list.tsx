/** In-app competitor alerts: viral competitor notes, cadence doubling, own engagement drops; each links to what it is about. */
import { Flame, TrendingDown, Zap } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatCount, formatDay } from "./format";

type AlertItem = { id: string; kind: string; subjectKey: string; payload: Record<string, string | number | null>; createdAt: number };

/** Same targets as the notifications (lib/competitors/alerts/announce-alerts.ts alertPath). */
function targetOf(slug: string, subjectKey: string): string {
  const [type, id] = subjectKey.split(":");
  return type === "c" ? `/${slug}/competitors/${id}` : `/${slug}/competitors?s=${encodeURIComponent(subjectKey)}`;
}

export function AlertsList({
  alerts,
  names,
  locale,
  timeZone,
  slug,
}: {
  alerts: AlertItem[];
  names: Record<string, string>;
  locale: string;
  timeZone: string;
  slug: string;
}) {
  const t = useTranslations("competitors.alerts");
  if (!alerts.length) return <p className="py-6 text-center text-sm text-zinc-500">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="alerts">
      {alerts.map((a) => {
        const who = names[a.subjectKey] ?? "—";
        const Icon = a.kind === "viral_note" ? Flame : a.kind === "cadence_doubled" ? Zap : TrendingDown;
        const text =
          a.kind === "viral_note"
            ? t("viral", { who, title: String(a.payload.title ?? ""), likes: formatCount(Number(a.payload.likes), locale) })
            : a.kind === "cadence_doubled"
              ? t("cadence", { who, now: Number(a.payload.notesLast7), before: Number(a.payload.notesPrev7) })
              : t("drop", {
                  who,
                  now: formatCount(Number(a.payload.engagementLast7), locale),
                  before: formatCount(Number(a.payload.engagementPrev7), locale),
                });
        return (
          <li key={a.id} id={`alert-${a.id}`} className="flex gap-2 text-sm">
            <Icon className="mt-0.5 size-4 shrink-0 text-brand-500" aria-hidden />
            <div>
              <p>{text}</p>
              <p className="flex flex-wrap gap-x-3 text-xs text-zinc-400 tabular-nums">
                <span>{formatDay(a.createdAt, locale, timeZone)}</span>
                <Link href={targetOf(slug, a.subjectKey)} className="text-brand-600 hover:underline" data-testid="alert-target">
                  {t("open")}
                </Link>
                {a.kind === "viral_note" && a.payload.noteId && (
                  <a
                    href={`https://www.xiaohongshu.com/explore/${encodeURIComponent(String(a.payload.noteId))}`}
                    target="_blank"
                    rel="noreferrer"
                    className="text-brand-600 hover:underline"
                  >
                    {t("openNote")}
                  </a>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
