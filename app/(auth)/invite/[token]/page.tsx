import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { findOpenInvite } from "@/lib/members/accept-invite";
import { AcceptInviteForm } from "./accept-invite-form";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth")]);
  const open = token.length <= 200 ? await findOpenInvite(getDb(), token) : null;
  if (!open) {
    return (
      <Card className="p-6">
        <Alert tone="error">{t("inviteInvalid")}</Alert>
      </Card>
    );
  }
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold">{t("inviteTitle", { workspace: open.workspaceName })}</h1>
      <p className="mt-1 text-sm text-zinc-500">{t("inviteSubtitle")}</p>
      <p className="mt-3 text-sm">{open.invite.email}</p>
      <AcceptInviteForm token={token} defaultName={open.invite.name} />
    </Card>
  );
}
