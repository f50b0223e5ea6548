import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CsvImportForm } from "@/components/accounts/csv-import-form";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import { requirePageContext } from "@/lib/next/session-context";
import { importAccountsAction } from "../actions";

export const metadata = { title: "Import accounts" };

export default async function ImportAccountsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "accounts.manage")) return <Forbidden />;
  const t = await getTranslations("matrix");
  return (
    <>
      <Link href={`/${ctx.workspaceSlug}/accounts`} className="text-sm text-zinc-500 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("csv.title")} />
      <CsvImportForm slug={ctx.workspaceSlug} action={importAccountsAction} />
    </>
  );
}
