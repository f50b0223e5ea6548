import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getLocale, getTimeZone } from "next-intl/server";
import { IntlProvider } from "@/components/shell/intl-provider";
import type { Locale } from "@/lib/errors/catalog";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RedMatrix", template: "%s · RedMatrix" },
  description: "小红书矩阵运营协作平台 · Team workspace for Xiaohongshu account matrices",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, timeZone, jar] = await Promise.all([getLocale(), getTimeZone(), cookies()]);
  const dark = jar.get("theme")?.value === "dark";
  return (
    <html lang={locale} className={dark ? "dark" : undefined}>
      <body className="min-h-dvh">
        <IntlProvider locale={locale as Locale} timeZone={timeZone}>
          {children}
        </IntlProvider>
      </body>
    </html>
  );
}
