/** The team's own accounts on the manage page: which bridge collects each, followers, per-source status, collect now. */
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { WorkspaceActionFn } from "@/lib/next/workspace-action";
import { CollectionStatusCell } from "./collection-status-cell";
import { formatCount } from "./format";
import { CompetitorRowActions } from "./row-actions";

type Row = { id: string; name: string; redId: string; bridge: "bridge_own" | "bridge_data" | null; followers: number | null };
type Status = Parameters<typeof CollectionStatusCell>[0]["statuses"][number] & { subjectKey: string };
type Props = { slug: string; accounts: Row[]; statuses: Status[]; locale: string; timeZone: string; collect?: WorkspaceActionFn };

export function OwnAccountsTable({ slug, accounts, statuses, locale, timeZone, collect }: Props) {
  const t = useTranslations("competitors.manage");
  return (
    <Card className="overflow-x-auto">
      <div className="px-4 pt-4">
        <h2 className="font-semibold">{t("ownTitle")}</h2>
        <p className="text-xs text-zinc-500">{t("ownHint")}</p>
      </div>
      {accounts.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">{t("ownEmpty")}</p>
      ) : (
        <table className="mt-2 w-full text-sm" data-testid="own-accounts-table">
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2.5 font-medium">{t("name")}</th>
              <th className="px-4 py-2.5 font-medium">{t("bridge")}</th>
              <th className="px-4 py-2.5 text-right font-medium">{t("followers")}</th>
              <th className="px-4 py-2.5 font-medium">{t("status")}</th>
              {collect && <th className="px-4 py-2.5" />}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-2.5">
                  <p className="font-medium">{a.name}</p>
                  <p className="font-mono text-xs text-zinc-400">{a.redId}</p>
                </td>
                <td className="px-4 py-2.5 text-xs text-zinc-600 dark:text-zinc-300">
                  {a.bridge ? t(`sources.${a.bridge}`) : <span className="text-amber-700">{t("noBridge")}</span>}
                </td>
                <td className="px-4 py-2.5 text-right tabular-nums">{formatCount(a.followers, locale)}</td>
                <td className="px-4 py-2.5 text-xs">
                  <CollectionStatusCell statuses={statuses.filter((s) => s.subjectKey === a.id)} locale={locale} timeZone={timeZone} />
                </td>
                {collect && (
                  <td className="px-4 py-2.5">
                    {a.bridge && <CompetitorRowActions slug={slug} id={a.id} name={a.name} collect={collect} />}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
