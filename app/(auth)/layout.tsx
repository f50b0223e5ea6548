import { getTranslations } from "next-intl/server";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-zinc-50 px-4 py-10 dark:from-zinc-900 dark:to-zinc-950">
      <div className="mb-8 text-center">
        <div className="mx-auto mb-3 flex size-11 items-center justify-center rounded-xl bg-brand-500 text-lg font-bold text-white shadow-sm">
          R
        </div>
        <p className="text-lg font-semibold">{t("appName")}</p>
        <p className="text-sm text-zinc-500">{t("tagline")}</p>
      </div>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
