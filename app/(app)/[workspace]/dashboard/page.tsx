import { Activity, AlertTriangle, CalendarClock, CheckCircle2, Circle, FileCheck2, ScrollText, Users, UserSquare2 } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { formatDateTime } from "@/components/audit/format-time";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/context";
import { workspaceOverview } from "@/lib/dashboard/workspace-overview";
import { requirePageContext } from "@/lib/next/session-context";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale()]);
  const overview = await workspaceOverview(getDb(), ctx, { withActivity: can(ctx, "audit.read") });
  const base = `/${ctx.workspaceSlug}`;

  const kpis = [
    { id: "scheduled", label: t("scheduledNext7d"), value: overview.scheduledNext7d, icon: CalendarClock, href: `${base}/calendar` },
    { id: "attention", label: t("needsAttention"), value: overview.needsAttention, icon: AlertTriangle, href: `${base}/calendar` },
    { id: "review", label: t("draftsInReview"), value: overview.draftsInReview, icon: FileCheck2, href: `${base}/drafts` },
    { id: "accounts", label: t("accounts"), value: overview.accounts, icon: UserSquare2, href: `${base}/accounts` },
    { id: "members", label: t("members"), value: overview.members, icon: Users, href: `${base}/settings/members` },
    { id: "events", label: t("events7d"), value: overview.events7d, icon: Activity, href: `${base}/audit` },
  ];
  const steps = [
    { label: t("stepAccounts"), done: overview.accounts > 0, href: `${base}/accounts` },
    { label: t("stepMembers"), done: overview.members > 1, href: `${base}/settings/members` },
    { label: t("stepTokens"), done: false, href: `${base}/settings/tokens` },
  ];

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold sm:text-2xl">{t("greeting", { name: ctx.userName })}</h1>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 xl:grid-cols-6">
        {kpis.map(({ id, label, value, icon: Icon, href }) => (
          <Link key={id} href={href}>
            <Card className="p-5 transition-shadow hover:shadow-md">
              <div className="flex items-center justify-between text-sm text-zinc-500">
                {label}
                <Icon className="size-4" aria-hidden />
              </div>
              <p
                className={`mt-2 text-3xl font-semibold tabular-nums ${id === "attention" && value > 0 ? "text-amber-600" : ""}`}
                data-testid={`kpi-${id}`}
              >
                {value.toLocaleString(locale)}
              </p>
            </Card>
          </Link>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card className="p-5">
          <div className="mb-3 flex items-center justify-between">
            <h2 className="font-semibold">{t("recentActivity")}</h2>
            {can(ctx, "audit.read") && (
              <Link href={`${base}/audit`} className="text-sm text-brand-600 hover:underline">
                {t("viewAll")}
              </Link>
            )}
          </div>
          {overview.recent.length === 0 ? (
            <p className="py-6 text-center text-sm text-zinc-500">{t("noActivity")}</p>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {overview.recent.map((e) => (
                <li key={e.id} className="flex items-center gap-3 py-2.5 text-sm">
                  <ScrollText className="size-4 shrink-0 text-zinc-400" aria-hidden />
                  <span className="font-medium">{e.actorLabel}</span>
                  <code className="truncate text-xs text-zinc-500">{e.action}</code>
                  <span className="ml-auto shrink-0 text-xs text-zinc-400 tabular-nums">{formatDateTime(e.createdAt, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t("gettingStarted")}</h2>
          <ul className="space-y-2.5">
            {steps.map((s) => (
              <li key={s.label}>
                <Link href={s.href} className="flex items-start gap-2 text-sm hover:text-brand-600">
                  {s.done ? (
                    <CheckCircle2 className="mt-0.5 size-4 text-emerald-500" />
                  ) : (
                    <Circle className="mt-0.5 size-4 text-zinc-300" />
                  )}
                  <span className={s.done ? "text-zinc-400 line-through" : undefined}>{s.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
