import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { AnalyticsSettingsForm } from "@/components/competitors/analytics-settings-form";
import { CollectionStatusCell } from "@/components/competitors/collection-status-cell";
import { CompetitorForm } from "@/components/competitors/competitor-form";
import { CompetitorsTabs } from "@/components/competitors/competitors-tabs";
import { formatCount } from "@/components/competitors/format";
import { ImportForm } from "@/components/competitors/import-form";
import { OwnAccountsTable } from "@/components/competitors/own-accounts-table";
import { CompetitorRowActions } from "@/components/competitors/row-actions";
import { WeeklyReportForm } from "@/components/competitors/weekly-report-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAccounts } from "@/lib/accounts/queries";
import { getAnalyticsSettings } from "@/lib/competitors/settings/analytics-settings";
import { listCollectionStatus } from "@/lib/competitors/ingest/collection-status";
import { hasDataBridge } from "@/lib/competitors/collect/bridge-client-for";
import { ownBridgeKind } from "@/lib/competitors/collect/collect-own-account";
import { latestProfiles } from "@/lib/competitors/queries/latest-profiles";
import { getWeeklyReport } from "@/lib/competitors/reports/weekly-report-settings";
import { can } from "@/lib/auth/context";
import { listCompetitors } from "@/lib/competitors/queries/competitor-queries";
import { workspaceTimezone } from "@/lib/workspaces/queries";
import { requirePageContext } from "@/lib/next/session-context";
import { listChannels } from "@/lib/notifications/channels/channel-store";
import { formatZoned } from "@/lib/notifications/channels/format-message";
import {
  collectNowAction,
  collectOwnAccountNowAction,
  createCompetitorAction,
  deleteCompetitorAction,
  sendWeeklyReportNowAction,
  updateAnalyticsSettingsAction,
  updateWeeklyReportAction,
} from "../actions";

export const metadata = { title: "Competitors" };

export default async function ManageCompetitorsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "competitors.read")) return <Forbidden />;
  const db = getDb();
  const [t, locale, competitors, accounts, statuses, timezone, settings, weekly, channels] = await Promise.all([
    getTranslations("competitors"),
    getLocale(),
    listCompetitors(db, ctx.workspaceId),
    listAccounts(db, ctx),
    listCollectionStatus(db, ctx.workspaceId),
    workspaceTimezone(db, ctx.workspaceId),
    getAnalyticsSettings(db, ctx.workspaceId),
    getWeeklyReport(db, ctx.workspaceId),
    listChannels(db, ctx.workspaceId),
  ]);
  const profiles = await latestProfiles(db, ctx.workspaceId, [...competitors.map((c) => c.id), ...accounts.map((a) => a.id)]);
  const canManage = can(ctx, "competitors.manage");
  const slug = ctx.workspaceSlug;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("manage.subtitle")} />
      <CompetitorsTabs slug={slug} active="manage" />
      <div className="space-y-5">
        {canManage && <ImportForm slug={slug} competitors={competitors.map((c) => ({ id: c.id, name: c.name }))} />}
        {canManage && (
          <CompetitorForm slug={slug} action={createCompetitorAction} accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} />
        )}
        {can(ctx, "settings.manage") && <AnalyticsSettingsForm slug={slug} action={updateAnalyticsSettingsAction} settings={settings} />}
        {can(ctx, "settings.manage") && (
          <WeeklyReportForm
            slug={slug}
            timeZone={timezone}
            settings={{ enabled: weekly.enabled, recipients: weekly.recipients, weekday: weekly.weekday, hour: weekly.hour }}
            hasEmailChannel={channels.some((c) => c.kind === "email" && c.enabled)}
            lastSent={weekly.lastSentAt ? formatZoned(weekly.lastSentAt, timezone) : null}
            lastError={weekly.lastError}
            save={updateWeeklyReportAction}
            sendNow={sendWeeklyReportNowAction}
          />
        )}
        {competitors.length === 0 ? (
          <EmptyState title={t("empty.noCompetitorsTitle")} body={t("empty.noCompetitorsBody")} />
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="competitors-table">
              <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
                <tr>
                  <th className="px-4 py-2.5 font-medium">{t("manage.name")}</th>
                  <th className="px-4 py-2.5 font-medium">{t("manage.groups")}</th>
                  <th className="px-4 py-2.5 text-right font-medium">{t("manage.followers")}</th>
                  <th className="px-4 py-2.5 font-medium">{t("manage.status")}</th>
                  {canManage && <th className="px-4 py-2.5" />}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {competitors.map((c) => {
                  return (
                    <tr key={c.id}>
                      <td className="px-4 py-2.5">
                        <Link href={`/${slug}/competitors/${c.id}`} className="font-medium hover:text-brand-600 hover:underline">
                          {c.name}
                        </Link>
                        <p className="font-mono text-xs text-zinc-400">{c.redUserId}</p>
                      </td>
                      <td className="px-4 py-2.5">
                        <div className="flex flex-wrap gap-1">
                          {[...c.groups, ...c.tags].map((g) => (
                            <Badge key={g}>{g}</Badge>
                          ))}
                        </div>
                      </td>
                      <td className="px-4 py-2.5 text-right tabular-nums">{formatCount(profiles.get(c.id)?.followers ?? null, locale)}</td>
                      <td className="px-4 py-2.5 text-xs">
                        <CollectionStatusCell
                          statuses={statuses.filter((s) => s.subjectKey === c.id)}
                          locale={locale}
                          timeZone={timezone}
                        />
                      </td>
                      {canManage && (
                        <td className="px-4 py-2.5">
                          <CompetitorRowActions
                            slug={slug}
                            id={c.id}
                            name={c.name}
                            collect={collectNowAction}
                            remove={deleteCompetitorAction}
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        )}
        <OwnAccountsTable
          slug={slug}
          locale={locale}
          timeZone={timezone}
          statuses={statuses}
          collect={canManage ? collectOwnAccountNowAction : undefined}
          accounts={accounts.map((a) => ({
            id: a.id,
            name: a.name,
            redId: a.redId,
            bridge: ownBridgeKind(a, hasDataBridge()),
            followers: profiles.get(a.id)?.followers ?? null,
          }))}
        />
      </div>
    </>
  );
}
