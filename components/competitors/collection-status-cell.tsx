/** Per-source collection status of one subject: each source's last run, outcome and error. */
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "./format";

type Status = { source: string; status: "ok" | "error" | "running"; lastRunAt: Date; lastError: string | null };

export function CollectionStatusCell({ statuses, locale, timeZone }: { statuses: Status[]; locale: string; timeZone: string }) {
  const t = useTranslations("competitors.manage");
  if (!statuses.length) return <span className="text-zinc-400">{t("neverCollected")}</span>;
  return (
    <ul className="space-y-1">
      {statuses.map((s) => (
        <li key={s.source} title={s.lastError ?? undefined} data-testid={`status-${s.source}`}>
          <Badge tone={s.status === "ok" ? "green" : s.status === "error" ? "red" : "amber"}>{t(`statuses.${s.status}`)}</Badge>{" "}
          <span className="text-zinc-500">
            {t(`sources.${s.source as "api"}`)} · {formatDay(s.lastRunAt.getTime(), locale, timeZone)}
          </span>
          {s.lastError && <span className="block break-all text-red-600">{s.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}
