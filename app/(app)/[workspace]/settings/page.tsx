import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { Card } from "@/components/ui/card";
import { requirePageContext } from "@/lib/next/session-context";
import { changePasswordAction } from "./actions";

export const metadata = { title: "Settings" };

export default async function ProfileSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const ctx = await requirePageContext((await params).workspace);
  const t = await getTranslations("settings");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card className="p-5">
        <h2 className="font-semibold">{t("changePassword")}</h2>
        <ChangePasswordForm slug={ctx.workspaceSlug} action={changePasswordAction} />
      </Card>
    </div>
  );
}
