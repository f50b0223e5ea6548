import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requirePageContext } from "@/lib/next/session-context";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  const [t, td, tc] = await Promise.all([getTranslations("settings"), getTranslations("drafts.settings"), getTranslations("channels")]);
  const tabs = [
    { href: `/${ctx.workspaceSlug}/settings`, label: t("tabs.profile") },
    ...(ctx.permissions.has("members.manage") ? [{ href: `/${ctx.workspaceSlug}/settings/members`, label: t("tabs.members") }] : []),
    ...(ctx.permissions.has("tokens.manage") ? [{ href: `/${ctx.workspaceSlug}/settings/tokens`, label: t("tabs.tokens") }] : []),
    ...(ctx.permissions.has("settings.manage") ? [{ href: `/${ctx.workspaceSlug}/settings/notes`, label: td("tab") }] : []),
    ...(ctx.permissions.has("settings.manage") ? [{ href: `/${ctx.workspaceSlug}/settings/notifications`, label: tc("tab") }] : []),
  ];
  return (
    <>
      <PageHeader title={t("title")} />
      <SettingsTabs tabs={tabs} />
      <div className="mt-6">{children}</div>
    </>
  );
}
