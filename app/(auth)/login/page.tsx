import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isSetUp } from "@/lib/setup/complete-setup";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  if (!(await isSetUp(getDb()))) redirect("/setup");
  const [{ reason }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold">{t("signInTitle")}</h1>
      <p className="mt-1 text-sm text-zinc-500">{t("signInSubtitle")}</p>
      {reason === "session" && (
        <div className="mt-4">
          <Alert>{t("sessionEnded")}</Alert>
        </div>
      )}
      <LoginForm />
    </Card>
  );
}
