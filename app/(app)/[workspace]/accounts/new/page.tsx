import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/context";
import type { Locale } from "@/lib/errors/catalog";
import { requirePageContext } from "@/lib/next/session-context";
import { publisherOptions } from "@/lib/publishing/publishers/publisher-options";
import { supportedTimezones } from "@/lib/workspaces/timezones";
import { createAccountAction } from "../actions";

export const metadata = { title: "Add account" };

export default async function NewAccountPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  if (!can(ctx, "accounts.manage")) return <Forbidden />;
  const [t, locale] = await Promise.all([getTranslations("matrix"), getLocale()]);
  const initial = {
    name: "",
    redId: "",
    avatarUrl: null,
    bio: "",
    groups: [],
    tags: [],
    personaNotes: "",
    timezone: null,
    dailyPostCap: 3,
    minSpacingMinutes: 120,
    postingSlots: ["08:00", "12:30", "20:30"],
    publisherId: "sandbox",
    publisherConfig: {},
    secretsSet: [],
  };
  return (
    <>
      <Link href={`/${ctx.workspaceSlug}/accounts`} className="text-sm text-zinc-500 hover:underline">
        ← {t("back")}
      </Link>
      <PageHeader title={t("form.createTitle")} />
      <AccountForm
        slug={ctx.workspaceSlug}
        initial={initial}
        publishers={publisherOptions(locale as Locale)}
        timezones={supportedTimezones()}
        create={createAccountAction}
      />
    </>
  );
}
