/** Weekday x hour posting heatmap: cell colour = engagement of notes posted then (workspace time zone). */
import { useTranslations } from "next-intl";
import { formatCount } from "./format";

export function PostingHeatmap({ cells, locale }: { cells: { notes: number; engagement: number }[][]; locale: string }) {
  const t = useTranslations("competitors.heatmap");
  const max = Math.max(1, ...cells.flat().map((c) => c.engagement));
  const days = t("weekdays").split(",");
  return (
    <div className="overflow-x-auto" data-testid="posting-heatmap">
      <table className="border-separate border-spacing-0.5 text-[10px]">
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} className="w-6 font-normal text-zinc-400">
                {h % 3 === 0 ? h : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={d}>
              <th className="pr-2 text-right font-normal whitespace-nowrap text-zinc-500">{days[d]}</th>
              {row.map((c, h) => (
                <td
                  key={h}
                  title={t("cell", { day: days[d], hour: h, notes: c.notes, engagement: formatCount(c.engagement, locale) })}
                  className="h-6 w-6 rounded-sm"
                  style={{
                    backgroundColor: c.notes ? `rgba(255, 36, 66, ${0.12 + 0.88 * (c.engagement / max)})` : "rgba(161,161,170,0.12)",
                  }}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500">{t("legend")}</p>
    </div>
  );
}
