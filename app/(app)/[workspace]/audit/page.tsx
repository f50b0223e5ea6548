import { ScrollText } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { auditFiltersFromSearch } from "@/lib/audit/audit-filters-from-search";
import { listAudit } from "@/lib/audit/list-audit";
import { can } from "@/lib/auth/context";
import { listMembers } from "@/lib/members/queries";
import { requirePageContext } from "@/lib/next/session-context";
import { getWorkspaceBySlug } from "@/lib/workspaces/queries";
import { defaultTimezone } from "@/lib/workspaces/timezones";

export const metadata = { title: "Audit" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "audit.read")) return <Forbidden />;
  const db = getDb();
  const search = await searchParams;
  const workspace = await getWorkspaceBySlug(db, ctx.workspaceSlug);
  const timezone = workspace?.timezone ?? defaultTimezone;
  const query = auditFiltersFromSearch(search, timezone);
  const [t, locale, { events, nextCursor }, members] = await Promise.all([
    getTranslations("audit"),
    getLocale(),
    listAudit(db, ctx.workspaceId, query),
    listMembers(db, ctx.workspaceId),
  ]);
  const keep = new URLSearchParams(Object.entries(search).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "cursor"));
  const exportHref = `/api/v1/audit/export?${keep.toString()}&tz=${encodeURIComponent(timezone)}`;
  const olderHref = nextCursor ? `?${new URLSearchParams({ ...Object.fromEntries(keep), cursor: String(nextCursor) })}` : null;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <a
            href={exportHref}
            className="rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-zinc-200 hover:bg-zinc-50 dark:ring-zinc-700 dark:hover:bg-zinc-800"
            download
          >
            {t("exportCsv")}
          </a>
        }
      />
      <AuditFilters members={members.map((m) => ({ id: m.userId, name: m.name }))} values={search} />
      <div className="mt-4">
        {events.length === 0 ? (
          <EmptyState icon={<ScrollText className="size-8" />} title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <AuditTable events={events} locale={locale} timezone={timezone} />
        )}
      </div>
      {olderHref && (
        <div className="mt-4 text-center">
          <Link href={olderHref} className="text-sm font-medium text-brand-600 hover:underline">
            {t("loadMore")} →
          </Link>
        </div>
      )}
    </>
  );
}
