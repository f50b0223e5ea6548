import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { AccountActions } from "@/components/accounts/account-actions";
import { AccountForm } from "@/components/accounts/account-form";
import { AccountGrantsPanel } from "@/components/accounts/account-grants-panel";
import { AccountSummary } from "@/components/accounts/account-summary";
import { BreakerBadge, StatusBadge } from "@/components/accounts/status-badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAccountMembers } from "@/lib/accounts/account-grants";
import { toAccountView } from "@/lib/accounts/account-view";
import { getAccount } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/context";
import type { Locale } from "@/lib/errors/catalog";
import { accountBreaker } from "@/lib/publishing/publishers/account-breaker";
import { getPublisher } from "@/lib/publishing/publishers/registry";
import { publisherOptions } from "@/lib/publishing/publishers/publisher-options";
import { requirePageContext } from "@/lib/next/session-context";
import { supportedTimezones } from "@/lib/workspaces/timezones";
import { bulkAccountsAction, checkConnectionAction, patchAccountAction } from "../actions";

export const metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace, id } = await params;
  const ctx = await requirePageContext(workspace);
  if (!can(ctx, "accounts.read")) return <Forbidden />;
  const db = getDb();
  const account = await getAccount(db, ctx, id);
  if (!account) notFound();
  const [t, locale, members, breaker] = await Promise.all([
    getTranslations("matrix"),
    getLocale(),
    listAccountMembers(db, ctx, id),
    accountBreaker({ accountId: id }).snapshot(),
  ]);
  const view = toAccountView(account, breaker);
  const canManage = can(ctx, "accounts.manage");
  const slug = ctx.workspaceSlug;

  return (
    <>
      <Link href={`/${slug}/accounts`} className="text-sm text-zinc-500 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={account.name} subtitle={account.redId} />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm" data-testid="account-status">
        <StatusBadge status={account.status} reason={account.statusReason} />
        {account.statusReason && (
          <span className="text-zinc-500">
            {t("detail.reason")}: {account.statusReason}
          </span>
        )}
        <span className="text-zinc-500">{t("columns.breaker")}:</span> <BreakerBadge state={breaker.state} />
        {account.lastCheckMessage && (
          <span className="text-zinc-500">
            {t("columns.lastCheck")}: {account.lastCheckMessage}
          </span>
        )}
      </div>
      {canManage && (
        <div className="mb-6">
          <AccountActions
            slug={slug}
            accountId={id}
            status={account.status}
            patch={patchAccountAction}
            checkConnection={checkConnectionAction}
          />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div>
          {!canManage && (
            <AccountSummary {...view} publisherName={getPublisher(view.publisher.id)?.displayName[locale as Locale] ?? view.publisher.id} />
          )}
          {canManage && (
            <AccountForm
              slug={slug}
              initial={{
                ...view,
                publisherId: view.publisher.id,
                publisherConfig: view.publisher.config,
                secretsSet: view.publisher.secretsSet,
              }}
              publishers={publisherOptions(locale as Locale)}
              timezones={supportedTimezones()}
              patch={patchAccountAction}
            />
          )}
        </div>
        <Card className="h-fit p-4">
          <h2 className="mb-2 font-medium">{t("detail.members")}</h2>
          <AccountGrantsPanel
            slug={slug}
            accountId={id}
            members={members}
            canGrant={can(ctx, "members.manage")}
            bulkAction={bulkAccountsAction}
          />
        </Card>
      </div>
    </>
  );
}
