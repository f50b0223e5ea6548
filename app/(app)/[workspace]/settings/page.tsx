import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { WorkspaceSettingsForm } from "@/components/settings/workspace-settings-form";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/context";
import { requirePageContext } from "@/lib/next/session-context";
import { getWorkspaceBySlug } from "@/lib/workspaces/queries";
import { supportedTimezones } from "@/lib/workspaces/timezones";
import { changePasswordAction, updateWorkspaceAction } from "./actions";

export const metadata = { title: "Settings" };

export default async function ProfileSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  const [t, workspace] = await Promise.all([getTranslations("settings"), getWorkspaceBySlug(getDb(), ctx.workspaceSlug)]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card className="p-5">
        <h2 className="font-semibold">{t("changePassword")}</h2>
        <ChangePasswordForm slug={ctx.workspaceSlug} action={changePasswordAction} />
      </Card>
      {workspace && can(ctx, "settings.manage") && (
        <Card className="p-5">
          <h2 className="font-semibold">{t("workspaceTitle")}</h2>
          <WorkspaceSettingsForm
            slug={ctx.workspaceSlug}
            action={updateWorkspaceAction}
            timezones={supportedTimezones()}
            values={{ name: workspace.name, timezone: workspace.timezone, locale: workspace.locale }}
          />
        </Card>
      )}
    </div>
  );
}
