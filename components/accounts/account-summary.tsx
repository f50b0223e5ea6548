/** Read-only view of an account's settings, for members who may look but not edit. */
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";

type Props = {
  groups: string[];
  tags: string[];
  bio: string;
  personaNotes: string;
  timezone: string | null;
  dailyPostCap: number;
  minSpacingMinutes: number;
  postingSlots: string[];
  publisherName: string;
};

export function AccountSummary(p: Props) {
  const t = useTranslations("matrix.form");
  const rows: [string, string][] = [
    [t("groups"), p.groups.join("、") || "—"],
    [t("tags"), p.tags.join("、") || "—"],
    [t("bio"), p.bio || "—"],
    [t("persona"), p.personaNotes || "—"],
    [t("timezone"), p.timezone ?? t("timezoneDefault")],
    [t("dailyPostCap"), String(p.dailyPostCap)],
    [t("minSpacing"), String(p.minSpacingMinutes)],
    [t("slots"), p.postingSlots.join(" ") || "—"],
    [t("publisher"), p.publisherName],
  ];
  return (
    <Card className="p-4" data-testid="account-summary">
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-zinc-500">{k}</dt>
            <dd className="whitespace-pre-wrap">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
