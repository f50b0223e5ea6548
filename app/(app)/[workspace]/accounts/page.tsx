import { UserSquare2 } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CreateAccountForm } from "@/components/accounts/create-account-form";
import { formatDateTime } from "@/components/audit/format-time";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAccounts } from "@/lib/accounts/queries";
import { can } from "@/lib/auth/context";
import { requirePageContext } from "@/lib/next/session-context";
import { createAccountAction } from "./actions";

export const metadata = { title: "Accounts" };
const tone = { active: "green", paused: "gray", needs_login: "amber", error: "red" } as const;

export default async function AccountsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "accounts.read")) return <Forbidden />;
  const [t, locale, accounts] = await Promise.all([getTranslations("accounts"), getLocale(), listAccounts(getDb(), ctx)]);
  const canManage = can(ctx, "accounts.manage");

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="mb-6">
        {canManage ? <CreateAccountForm slug={ctx.workspaceSlug} action={createAccountAction} /> : <Alert>{t("noPermission")}</Alert>}
      </div>
      {accounts.length === 0 ? (
        <EmptyState icon={<UserSquare2 className="size-8" />} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="accounts-table">
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <tr>
                <th className="px-4 py-2.5 font-medium">{t("name")}</th>
                <th className="px-4 py-2.5 font-medium">{t("redId")}</th>
                <th className="px-4 py-2.5 font-medium">{t("status")}</th>
                <th className="px-4 py-2.5 font-medium">{t("createdAt")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2.5 font-medium">{a.name}</td>
                  <td className="px-4 py-2.5 font-mono text-xs text-zinc-500">{a.redId}</td>
                  <td className="px-4 py-2.5">
                    <Badge tone={tone[a.status]}>{t(`statuses.${a.status}`)}</Badge>
                  </td>
                  <td className="px-4 py-2.5 text-zinc-500 tabular-nums">{formatDateTime(a.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
