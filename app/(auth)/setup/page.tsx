import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isSetUp } from "@/lib/setup/complete-setup";
import { defaultTimezone, supportedTimezones } from "@/lib/workspaces/timezones";
import { SetupWizard } from "./setup-wizard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Setup" };

export default async function SetupPage() {
  const [t, tAuth] = await Promise.all([getTranslations("setup"), getTranslations("auth")]);
  if (await isSetUp(getDb())) {
    return (
      <Card className="p-6">
        <Alert>{t("alreadyDone")}</Alert>
        <Link href="/login" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
          {tAuth("signIn")} →
        </Link>
      </Card>
    );
  }
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-500">{t("subtitle")}</p>
      <SetupWizard timezones={supportedTimezones()} defaultTimezone={defaultTimezone} />
    </Card>
  );
}
