/** In-app competitor alerts: viral competitor notes, cadence doubling, own engagement drops. */
import { Flame, TrendingDown, Zap } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatCount, formatDay } from "./format";

type AlertItem = { id: string; kind: string; subjectKey: string; payload: Record<string, string | number | null>; createdAt: number };

export function AlertsList({ alerts, names, locale, timeZone }: { alerts: AlertItem[]; names: Record<string, string>; locale: string; timeZone: string }) {
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
              : t("drop", { who, now: formatCount(Number(a.payload.engagementLast7), locale), before: formatCount(Number(a.payload.engagementPrev7), locale) });
        return (
          <li key={a.id} className="flex gap-2 text-sm">
            <Icon className="mt-0.5 size-4 shrink-0 text-brand-500" aria-hidden />
            <div>
              <p>{text}</p>
              <p className="text-xs text-zinc-400 tabular-nums">{formatDay(a.createdAt, locale, timeZone)}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
