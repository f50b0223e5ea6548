import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AuditEvent } from "@/lib/audit/list-audit";
import { formatDateTime } from "./format-time";

export async function AuditTable({ events, locale, timezone }: { events: AuditEvent[]; locale: string; timezone: string }) {
  const t = await getTranslations("audit");
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="audit-table">
        <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th className="px-4 py-2.5 font-medium">{t("time")}</th>
            <th className="px-4 py-2.5 font-medium">{t("actor")}</th>
            <th className="px-4 py-2.5 font-medium">{t("action")}</th>
            <th className="px-4 py-2.5 font-medium">{t("target")}</th>
            <th className="px-4 py-2.5 font-medium">{t("changes")}</th>
            <th className="px-4 py-2.5 font-medium">{t("ip")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-2.5 text-zinc-500 tabular-nums">{formatDateTime(e.createdAt, locale, timezone)}</td>
              <td className="whitespace-nowrap px-4 py-2.5 font-medium">{e.actorLabel}</td>
              <td className="px-4 py-2.5">
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">{e.action}</code>
              </td>
              <td className="px-4 py-2.5 text-xs text-zinc-500">
                {e.targetType}
                {e.targetId && <span className="block font-mono">{e.targetId}</span>}
              </td>
              <td className="max-w-xs px-4 py-2.5">
                {e.changes && (
                  <code className="block truncate text-xs text-zinc-500" title={JSON.stringify(e.changes)}>
                    {JSON.stringify(e.changes.after ?? e.changes.before)}
                  </code>
                )}
              </td>
              <td className="px-4 py-2.5 font-mono text-xs text-zinc-500">{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
