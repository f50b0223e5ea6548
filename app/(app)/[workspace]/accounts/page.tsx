import { FileUp, Plus, UserSquare2 } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { MatrixToolbar } from "@/components/accounts/matrix-toolbar";
import { MatrixView } from "@/components/accounts/matrix-view";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listGrantableMembers } from "@/lib/accounts/account-grants";
import { loadMatrix } from "@/lib/accounts/load-matrix";
import { matrixQuerySchema } from "@/lib/accounts/matrix-filter";
import { toMatrixItemsJson } from "@/lib/accounts/matrix-items";
import { can } from "@/lib/auth/context";
import type { Locale } from "@/lib/errors/catalog";
import { requirePageContext } from "@/lib/next/session-context";
import { bulkAccountsAction } from "./actions";

export const metadata = { title: "Accounts" };
type Search = Record<string, string | string[] | undefined>;

function queryFrom(search: Search) {
  const pick = (k: string) => (typeof search[k] === "string" && search[k] !== "" ? (search[k] as string) : undefined);
  const raw = {
    q: pick("q"),
    group: pick("group"),
    tag: pick("tag"),
    status: pick("status"),
    member: pick("member"),
    result: pick("result"),
    failures: pick("failures"),
    scheduled: pick("scheduled"),
    sort: pick("sort"),
    dir: pick("dir"),
  };
  const parsed = matrixQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  return parsed.success ? parsed.data : matrixQuerySchema.parse({});
}

export default async function AccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "accounts.read")) return <Forbidden />;
  const search = await searchParams;
  const db = getDb();
  const [t, ta, locale, matrix, members] = await Promise.all([
    getTranslations("matrix"),
    getTranslations("accounts"),
    getLocale(),
    loadMatrix(db, ctx, queryFrom(search)),
    listGrantableMembers(db, ctx.workspaceId),
  ]);
  const canManage = can(ctx, "accounts.manage");
  const slug = ctx.workspaceSlug;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          canManage && (
            <div className="flex gap-2">
              <Link
                href={`/${slug}/accounts/import`}
                className="inline-flex items-center gap-1.5 rounded-lg px-3 py-2 text-sm ring-1 ring-zinc-200 dark:ring-zinc-700"
              >
                <FileUp className="size-4" />
                {t("import")}
              </Link>
              <Link
                href={`/${slug}/accounts/new`}
                className="inline-flex items-center gap-1.5 rounded-lg bg-brand-500 px-3 py-2 text-sm font-medium text-white"
              >
                <Plus className="size-4" />
                {t("add")}
              </Link>
            </div>
          )
        }
      />
      {!canManage && (
        <div className="mb-4">
          <Alert>{ta("noPermission")}</Alert>
        </div>
      )}
      {matrix.total === 0 ? (
        <EmptyState icon={<UserSquare2 className="size-8" />} title={ta("emptyTitle")} body={ta("emptyBody")} />
      ) : (
        <>
          <MatrixToolbar groups={matrix.facets.groups} tags={matrix.facets.tags} members={members} />
          <p className="mb-2 text-xs text-zinc-500" data-testid="matrix-count">
            {t("count", { shown: matrix.accounts.length, total: matrix.total })}
          </p>
          {matrix.accounts.length === 0 ? (
            <Alert>
              {t("noMatch")}{" "}
              <Link className="underline" href={`/${slug}/accounts`}>
                {t("clearFilters")}
              </Link>
            </Alert>
          ) : (
            <MatrixView
              slug={slug}
              locale={locale}
              timeZone={matrix.timeZone}
              view={search.view === "cards" ? "cards" : "table"}
              items={toMatrixItemsJson(matrix.accounts, locale as Locale)}
              members={members}
              canManage={canManage}
              canGrant={can(ctx, "members.manage")}
              bulkAction={bulkAccountsAction}
            />
          )}
        </>
      )}
    </>
  );
}
